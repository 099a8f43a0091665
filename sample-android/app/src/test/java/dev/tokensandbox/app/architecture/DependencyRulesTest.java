package dev.tokensandbox.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * docs/design.md §2: the app depends on the client core only; never on the backend, desktop or
 * JavaFX.
 */
@AnalyzeClasses(
    packages = "dev.tokensandbox.app",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

  @ArchTest
  static final ArchRule appDependsOnlyOnTheClientCore =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.tokensandbox.backend..",
              "dev.tokensandbox.desktop..",
              "javafx..",
              "com.fasterxml.jackson..",
              "io.agora..")
          .because("the APK must never contain the backend or its secrets");
}
