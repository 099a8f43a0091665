package dev.tokensandbox.client.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * docs/design.md §2: the client core runs on Android (API 26+) and in the desktop, so it never
 * depends on Jackson, JavaFX, Android, mock-backend, or JDK APIs Android lacks.
 */
@AnalyzeClasses(
    packages = "dev.tokensandbox.client",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

  @ArchTest
  static final ArchRule noForbiddenLibraries =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.fasterxml.jackson..",
              "javafx..",
              "android..",
              "androidx..",
              "dev.tokensandbox.backend..",
              "dev.tokensandbox.desktop..",
              "dev.tokensandbox.app..");

  @ArchTest
  static final ArchRule onlyAndroidSafeJdkApis =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.net.http..", "java.lang.management..", "java.awt..", "javax.swing..")
          .because("Android does not ship these packages");

  @ArchTest
  static final ArchRule noWallClockOrSleep =
      noClasses()
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(Thread.class, "sleep", long.class)
          .orShould()
          .callMethod(System.class, "nanoTime")
          .because("time comes from SandboxClock");

  @ArchTest
  static final ArchRule onlyTheClockPackageReadsTheSystemClock =
      noClasses()
          .that()
          .resideOutsideOfPackage("..client.clock..")
          .should()
          .callMethod(java.time.Instant.class, "now")
          .orShould()
          .callMethod(java.time.Clock.class, "systemUTC")
          .orShould()
          .callMethod(java.time.Clock.class, "systemDefaultZone");

  @ArchTest
  static final ArchRule layers =
      com.tngtech.archunit.library.Architectures.layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("clock")
          .definedBy("..client.clock..")
          .layer("backend")
          .definedBy("..client.backend..")
          .layer("rtc")
          .definedBy("..client.rtc..")
          .layer("session")
          .definedBy("..client.session..")
          .layer("presets")
          .definedBy("..client.presets..")
          .layer("control")
          .definedBy("..client.control..")
          .whereLayer("control")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("presets")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("session")
          .mayOnlyBeAccessedByLayers("presets", "control")
          .whereLayer("rtc")
          .mayOnlyBeAccessedByLayers("session", "presets");
}
