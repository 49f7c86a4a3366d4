package io.connectionportal.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.scheduler.Scheduled;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.FinishesBeforeStop;

/**
 * The walls of the house as docs/architecture.md draws them: features are packages without cycles between
 * them, the ground floor ({@code shared}) knows no feature, and the built-in sandbox provider shares no code
 * with the connectors that call it (the portal reaches it over HTTP like any third party).
 */
class ArchitectureTest {

    private static final String BASE = "io.connectionportal";

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    static final ArchRule NO_CYCLES_BETWEEN_FEATURES =
            slices().matching(BASE + ".(*)..").should().beFreeOfCycles();

    @Test
    void noPackageCycles() {
        NO_CYCLES_BETWEEN_FEATURES.check(PORTAL);
    }

    @Test
    void theRuleFailsOnACycle() {
        JavaClasses withCycle = new ClassFileImporter().importPackages(BASE + ".architecture.fixture.cycle");
        assertThrows(
                AssertionError.class,
                () -> slices().matching(BASE + ".architecture.fixture.cycle.(*)..")
                        .should()
                        .beFreeOfCycles()
                        .check(withCycle));
    }

    @Test
    void sharedKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".shared..")
                .should()
                .dependOnClassesThat(resideInAPackage(BASE + "..").and(resideOutsideOfPackage(BASE + ".shared..")))
                .check(PORTAL);
    }

    @Test
    void theMailOutboxKnowsNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".mail..")
                .should()
                .dependOnClassesThat(resideInAPackage(BASE + "..")
                        .and(resideOutsideOfPackage(BASE + ".mail.."))
                        .and(resideOutsideOfPackage(BASE + ".shared..")))
                .check(PORTAL);
    }

    @Test
    void theSandboxAndTheConnectorsShareNoCode() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".sandbox..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".connectors..")
                .check(PORTAL);
        noClasses()
                .that()
                .resideInAPackage(BASE + ".connectors..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".sandbox..")
                .check(PORTAL);
    }

    @Test
    void syncIsALayerBelowThePagesThatShowIt() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".sync..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + ".connect..",
                        BASE + ".manage..",
                        BASE + ".uploads..",
                        BASE + ".onboarding..",
                        BASE + ".consent..")
                .check(PORTAL);
    }

    @Test
    void nothingButTheApiDependsOnThePrivacyRightsThatOrchestrateTheFeatures() {
        // The API's DELETE /api/v1/companies/{id} is the same erasure as the business's own "Delete the account".
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".privacy..")
                .and()
                .resideOutsideOfPackage(BASE + ".api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".privacy..")
                .check(PORTAL);
    }

    @Test
    void connectionsHoldsTheModelOnly() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".connections..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE + ".connect..", BASE + ".manage..", BASE + ".uploads..", BASE + ".sync..")
                .check(PORTAL);
    }

    @Test
    void featuresPublishEventsAndOnlyTheIntegratorsPackagesUseTheWebhooks() {
        // A state change fires a plain event the webhooks observe: connect, manage, sync... never know who is told.
        noClasses()
                .that()
                .resideOutsideOfPackages(BASE + ".webhooks..", BASE + ".api..", BASE + ".admin..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".webhooks..")
                .check(PORTAL);
    }

    @Test
    void theWebhooksReachNoPage() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".webhooks..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + ".connect..",
                        BASE + ".manage..",
                        BASE + ".onboarding..",
                        BASE + ".uploads..",
                        BASE + ".account..",
                        BASE + ".connectors..",
                        BASE + ".sandbox..")
                .check(PORTAL);
    }

    @Test
    void everyScheduledJobFinishesBeforeTheDatabaseCloses() {
        // Without it, a run caught by a rolling deploy fails on a closed database and logs an error (RunningJobs).
        methods()
                .that()
                .areAnnotatedWith(Scheduled.class)
                .should()
                .beAnnotatedWith(FinishesBeforeStop.class)
                // A run skipped while stopping returns nothing, which only a void method can.
                .andShould()
                .haveRawReturnType(void.class)
                .check(PORTAL);
    }
}
