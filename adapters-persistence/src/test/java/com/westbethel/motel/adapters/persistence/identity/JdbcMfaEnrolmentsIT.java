package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments.MfaEnrolment;
import com.westbethel.motel.domain.identity.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcMfaEnrolmentsIT {

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
    private final JdbcMfaEnrolments enrolments = new JdbcMfaEnrolments(jdbc);
    private final Instant now = IdentityTables.now();
    private User anna;

    @BeforeEach
    void aUser() {
        jdbc.sql("TRUNCATE mfa_enrolments, mfa_backup_codes").update();
        IdentityTables.empty(jdbc);
        anna = IdentityTables.added(new JdbcUsers(jdbc), "anna@example.com");
    }

    @Test
    void a_pending_secret_becomes_active_only_when_confirmed() {
        enrolments.savePending(anna.id(), "v1:pending");
        assertThat(enrolments.find(anna.id())).contains(new MfaEnrolment(anna.id(), Optional.empty(), Optional.of("v1:pending"), 0));

        assertThat(enrolments.activate(anna.id(), 57_000_000L, now)).isTrue();

        assertThat(enrolments.find(anna.id())).contains(new MfaEnrolment(anna.id(), Optional.of("v1:pending"), Optional.empty(), 57_000_000L));
        assertThat(enrolments.activate(anna.id(), 57_000_001L, now)).as("nothing pending any more").isFalse();
    }

    @Test
    void a_time_step_is_accepted_once_and_never_an_earlier_one() {
        enrolments.savePending(anna.id(), "v1:secret");
        enrolments.activate(anna.id(), 100, now);

        assertThat(enrolments.advanceLastUsedStep(anna.id(), 101)).isTrue();
        assertThat(enrolments.advanceLastUsedStep(anna.id(), 101)).isFalse();
        assertThat(enrolments.advanceLastUsedStep(anna.id(), 100)).isFalse();
    }

    @Test
    void a_backup_code_works_once_and_new_codes_retire_the_old_ones() {
        enrolments.replaceBackupCodes(anna.id(), List.of("a".repeat(64), "b".repeat(64)));

        assertThat(enrolments.useBackupCode(anna.id(), "a".repeat(64), now)).isTrue();
        assertThat(enrolments.useBackupCode(anna.id(), "a".repeat(64), now)).isFalse();
        assertThat(enrolments.remainingBackupCodes(anna.id())).isEqualTo(1);

        enrolments.replaceBackupCodes(anna.id(), List.of("c".repeat(64)));

        assertThat(enrolments.useBackupCode(anna.id(), "b".repeat(64), now)).isFalse();
        assertThat(enrolments.remainingBackupCodes(anna.id())).isEqualTo(1);
    }

    @Test
    void removing_an_enrolment_takes_its_codes_with_it() {
        enrolments.savePending(anna.id(), "v1:secret");
        enrolments.activate(anna.id(), 1, now);
        enrolments.replaceBackupCodes(anna.id(), List.of("a".repeat(64)));

        enrolments.remove(anna.id());

        assertThat(enrolments.find(anna.id())).isEmpty();
        assertThat(enrolments.remainingBackupCodes(anna.id())).isZero();
    }
}
