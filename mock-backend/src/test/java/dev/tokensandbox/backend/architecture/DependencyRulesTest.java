package dev.tokensandbox.backend.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * docs/design.md §2: mock-backend never depends on JavaFX, Android, the client core or the desktop.
 */
@AnalyzeClasses(
    packages = "dev.tokensandbox.backend",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

  @ArchTest
  static final ArchRule noJavaFx =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..")
          .because("mock-backend runs headless");

  @ArchTest
  static final ArchRule noAndroid =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("android..", "androidx..");

  @ArchTest
  static final ArchRule noUpwardDependencies =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.tokensandbox.desktop..", "dev.tokensandbox.client..", "dev.tokensandbox.app..");

  @ArchTest
  static final ArchRule tokenEngineKnowsNoCli =
      noClasses()
          .that()
          .resideInAPackage("dev.tokensandbox.backend.tokens..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.tokensandbox.backend.cli..", "picocli..")
          .because("the token engine is a library the server and desktop embed");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
          .matching("dev.tokensandbox.backend.(**)")
          .should()
          .beFreeOfCycles()
          .because(
              "server/ only wires: the features build on the HTTP kernel (http/) and token"
                  + " minting (mint/), never on the wiring");

  @ArchTest
  static final ArchRule theHttpKernelKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage("dev.tokensandbox.backend.internal.http..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.tokensandbox.backend.server..",
              "dev.tokensandbox.backend.internal.customer..",
              "dev.tokensandbox.backend.internal.provider..",
              "dev.tokensandbox.backend.internal.admin..",
              "dev.tokensandbox.backend.internal.devices..",
              "dev.tokensandbox.backend.traffic..");

  /**
   * #17 §1: the HTTP API under /sandbox adapts the admin interface and holds no state of its own.
   */
  @ArchTest
  static final ArchRule onlyTheWiringKnowsTheAdminImplementation =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "dev.tokensandbox.backend.internal.admin..", "dev.tokensandbox.backend.server..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.tokensandbox.backend.internal.admin.LocalAdmin")
          .because("everyone else administers the sandbox through SandboxAdmin");

  @ArchTest
  static final ArchRule timeComesFromAnInjectedClock =
      noClasses()
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(Thread.class, "sleep", long.class)
          .because("time comes from an injected clock");

  /**
   * #34 §6: the backend's public API is server, tokens, workspace, clock, cli, traffic and the http
   * kernel; the features behind it live in {@code internal} and only the wiring reaches them. Other
   * modules are held to the same by their own rules (they may not depend on {@code
   * ..backend.internal..} at all).
   */
  @ArchTest
  static final ArchRule onlyTheWiringReachesTheInternals =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "dev.tokensandbox.backend.internal..",
              "dev.tokensandbox.backend.server..",
              "dev.tokensandbox.backend.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.tokensandbox.backend.internal..")
          .because("the public packages must not hand out internal types");
}
