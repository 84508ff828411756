package com.westbethel.motel.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule, run over the deliberately bad fixture code base, reports the violation planted for it:
 * a rule that passes without checking anything would fail here.
 */
class RulesCatchViolationsTest {

    private static final String FIXTURE = "com.westbethel.fixture.badmotel";
    private static final JavaClasses BAD_CODE = new ClassFileImporter().importPackages(FIXTURE);
    private final HexagonalRules rules = new HexagonalRules(FIXTURE);

    @Test
    void a_framework_annotation_in_the_domain_is_caught() {
        assertThat(violations(rules.domainDependsOnTheJdkOnly()))
                .contains("SpringAwareRoom")
                .contains("org.springframework.stereotype.Component");
    }

    @Test
    void a_framework_or_adapter_dependency_in_the_application_is_caught() {
        assertThat(violations(rules.applicationDependsOnDomainAndTheJdkOnly()))
                .contains("BookRoomService")
                .contains("org.springframework.transaction.annotation.Transactional")
                .contains("RoomRow");
    }

    @Test
    void files_in_the_domain_or_the_application_are_caught() {
        assertThat(violations(rules.theCoreUsesNoFiles()))
                .contains("GuestListExport").contains("java.nio.file.Files")
                .contains("RoomPhoto").contains("java.io.File");
    }

    @Test
    void a_service_implementing_three_input_ports_is_caught_while_one_or_two_pass() {
        String violations = violations(rules.noServiceImplementsMoreThanTwoInputPorts());

        assertThat(violations).contains("CheckInService implements 3 input ports: CheckInUseCase, CheckOutUseCase, ExtendStayUseCase");
        assertThat(violations).doesNotContain("BookRoomService").doesNotContain("Housekeeping");
    }

    @Test
    void an_implementation_not_named_for_its_input_port_is_caught_while_one_named_for_it_passes() {
        String violations = violations(rules.implementationsAreNamedForTheirInputPort());

        assertThat(violations).contains("BookingCancellations implements CancelBookingUseCase but is not named CancelBookingService");
        assertThat(violations)
                .contains("Housekeeping implements CheckOutUseCase, ExtendStayUseCase but is not named CheckOutService or ExtendStayService");
        assertThat(violations).doesNotContain("BookRoomService").doesNotContain("CheckInService");
    }

    @Test
    void an_adapter_using_another_adapter_is_caught() {
        assertThat(violations(rules.adaptersDoNotDependOnEachOther()))
                .contains("adapter web")
                .contains("adapter persistence")
                .contains("RoomController");
    }

    @Test
    void an_adapter_using_a_bootstrap_is_caught() {
        assertThat(violations(rules.adaptersDoNotDependOnBootstraps()))
                .contains("MailSender")
                .contains("ApiConfiguration");
    }

    @Test
    void a_bootstrap_borrowing_another_bootstraps_wiring_is_caught() {
        assertThat(violations(rules.bootstrapsDoNotDependOnEachOther()))
                .contains("bootstrap worker")
                .contains("WorkerConfiguration");
    }

    @Test
    void a_business_rule_in_a_bootstrap_is_caught_while_configuration_passes() {
        String violations = violations(rules.bootstrapsOnlyWireAndConfigure());

        assertThat(violations).contains("NightlyPriceCalculator");
        assertThat(violations).doesNotContain("ApiConfiguration").doesNotContain("WorkerConfiguration");
    }

    @Test
    void calling_a_service_class_instead_of_its_input_port_is_caught_while_configuration_may_construct_it() {
        String violations = violations(rules.useCasesAreReachedThroughTheirInputPorts());

        assertThat(violations).contains("RoomController").contains("BookRoomService");
        assertThat(violations).doesNotContain("ApiConfiguration");
    }

    @Test
    void a_package_cycle_is_caught() {
        assertThat(violations(rules.packagesAreFreeOfCycles()))
                .contains("Cycle detected")
                .contains("RoomRow")
                .contains("RateRow");
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(BAD_CODE);
        assertThat(result.hasViolation()).as("%s must report a violation in the bad fixture", rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }
}
