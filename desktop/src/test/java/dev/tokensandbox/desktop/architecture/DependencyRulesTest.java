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

  @ArchTest
  static final ArchRule noAndroid =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("android..", "androidx..", "dev.tokensandbox.app..");
}
