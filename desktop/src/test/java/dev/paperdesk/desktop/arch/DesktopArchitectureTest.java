package dev.paperdesk.desktop.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** MVVM rules: view-models hold state and logic but never touch the scene graph. */
@AnalyzeClasses(packages = "dev.paperdesk.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopArchitectureTest {
    @ArchTest
    static final ArchRule viewModelsNeverTouchTheSceneGraph = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..", "io.fair_acc.chartfx..", "eu.hansolo..")
            .because("view-models are tested with plain JUnit; views bind to them");

    @ArchTest
    static final ArchRule desktopUsesTheEngineOnlyThroughItsApi = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.paperdesk.engine.store.sqlite..", "java.sql..")
            .because("the desktop talks to the engine through the session facade");
}
