package dev.tokensandbox.desktop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** docs/design.md §2 and STYLE.md: MVVM layers, and no Android in the desktop. */
@AnalyzeClasses(
    packages = "dev.tokensandbox.desktop",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

  @ArchTest
  static final ArchRule viewModelsImportNothingFromTheSceneGraph =
      classes()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .onlyDependOnClassesThat()
          .resideOutsideOfPackage("javafx.scene..")
          .because("view-models hold state and commands; views bind to them");

  @ArchTest
  static final ArchRule onlyTheShellTouchesPlatform =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.tokensandbox.desktop.shell..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("javafx.application.Platform");

  /**
   * #17 §1: the sandbox is administered through one interface. Only the host (which starts and
   * stops the server), the lab's private backend and the command-line tools own a server; every
   * view-model reaches the running sandbox through {@code SandboxAdmin}.
   */
  @ArchTest
  static final ArchRule viewModelsAdministerTheSandboxThroughItsAdminInterface =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.tokensandbox.backend.server.SandboxServer")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.tokensandbox.backend.internal.faults.FaultInjector")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.tokensandbox.backend.internal.admin.LocalAdmin")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.tokensandbox.backend.internal.devices.DeviceRegistry")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.tokensandbox.backend.traffic.TrafficJournal")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.tokensandbox.backend.internal.http.ServerSettings")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.tokensandbox.backend.internal.mint.TokenMint")
          .because("SandboxServer exposes one admin object instead of its internals");

  /**
   * #17 §3: view-models hold state and commands; HTTP, files and JSON live in services (the client
   * core's BackendClient, TokenIssuer, ScenarioStore, WindowStateFile, the admin interface).
   */
  @ArchTest
  static final ArchRule viewModelsDoNoIo =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "okhttp3..", "java.nio.file..", "java.net..", "com.fasterxml.jackson..")
          .because("I/O belongs in services, so a view-model test needs no network or disk");

  /**
   * #34 §7: a view-model leaves the UI thread one way, through {@code TaskExecutor} (a
   * BackgroundTask for work, {@code onUi} for what it hears), so its tests run it on the calling
   * thread with nothing to wait for.
   */
  @ArchTest
  static final ArchRule viewModelsLeaveTheUiThreadOnlyThroughTheTaskExecutor =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.concurrent.Executor")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.concurrent.ExecutorService")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.util.concurrent.CompletableFuture")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.lang.Thread")
          .because("one background-task abstraction: TaskExecutor and BackgroundTask");

  /** #34 §7: view-models see the window's backend as an interface, so tests can give a fake. */
  @ArchTest
  static final ArchRule viewModelsSeeTheWindowsBackendThroughItsInterface =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.tokensandbox.desktop.host.BackendHost")
          .because("WindowBackend is what a view-model needs; BackendHost is the real one");

  @ArchTest
  static final ArchRule noAndroid =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("android..", "androidx..", "dev.tokensandbox.app..");
}
