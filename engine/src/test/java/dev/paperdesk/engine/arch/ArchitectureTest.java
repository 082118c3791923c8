package dev.paperdesk.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine's layering rules, checked on every build. */
@AnalyzeClasses(packages = "dev.paperdesk.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule engineNeverDependsOnJavaFx = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..")
            .because("the engine runs headless: in the CLI, in backtests and in tests");

    @ArchTest
    static final ArchRule onlyTheSqliteAdapterUsesJdbc = noClasses()
            .that()
            .resideOutsideOfPackage("dev.paperdesk.engine.store.sqlite..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("persistence is a port; the SQLite adapter is its only implementation on a database");

    @ArchTest
    static final ArchRule modelDependsOnNothingElse = noClasses()
            .that()
            .resideInAPackage("dev.paperdesk.engine.model..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("dev.paperdesk.engine.model..", "java..")
            .because("values are the bottom layer: everything may use them, they use nothing");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.paperdesk.engine.(*)..").should().beFreeOfCycles();
}
