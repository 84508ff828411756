package com.westbethel.motel.adapters.persistence.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.notification.port.out.EmailOutbox.OutgoingEmail;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

class JdbcEmailOutboxIT {

    private static final String DOMAIN = "westbethelmotel.com";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataSource dataSource = TestDatabase.migrated();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcEmailOutbox outbox = new JdbcEmailOutbox(jdbc, DOMAIN);
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    @BeforeEach
    void emptyQueue() {
        jdbc.sql("DELETE FROM email_queue").update();
    }

    @Test
    void an_enqueued_email_is_a_queued_row_ready_to_send_now() {
        Instant before = Instant.now().minusSeconds(1);

        outbox.enqueue(verification("Anna@Example.com"));

        Map<String, Object> row = jdbc.sql("SELECT * FROM email_queue").query().singleRow();
        assertThat(row).containsEntry("status", "QUEUED")
                .containsEntry("template", "email-verification")
                .containsEntry("recipient", "anna@example.com")
                .containsEntry("locale", "fr-CA")
                .containsEntry("attempts", 0);
        assertThat(row.get("sent_at")).isNull();
        assertThat(row.get("lease_expires_at")).isNull();
        assertThat(jdbc.sql("SELECT next_attempt_at FROM email_queue").query(OffsetDateTime.class).single().toInstant())
                .isAfter(before).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void the_model_is_stored_as_a_json_object_with_every_variable() {
        Map<String, String> model = Map.of("firstName", "Zoë \"Z\" O'Neil", "link", "https://westbethelmotel.com/verify?token=a&b=<c>",
                "multiline", "one\ntwo");

        outbox.enqueue(new OutgoingEmail("email-verification", new EmailAddress("zoe@example.com"), Locale.ENGLISH, model));

        assertThat(jdbc.sql("SELECT jsonb_typeof(model) FROM email_queue").query(String.class).single()).isEqualTo("object");
        String stored = jdbc.sql("SELECT model::text FROM email_queue").query(String.class).single();
        assertThat(JSON.readValue(stored, Map.class)).isEqualTo(model);
        assertThat(jdbc.sql("SELECT model ->> 'firstName' FROM email_queue").query(String.class).single()).isEqualTo("Zoë \"Z\" O'Neil");
    }

    @Test
    void an_empty_model_is_an_empty_json_object() {
        outbox.enqueue(new OutgoingEmail("welcome-email", new EmailAddress("anna@example.com"), Locale.ENGLISH, Map.of()));

        assertThat(jdbc.sql("SELECT model = '{}'::jsonb FROM email_queue").query(Boolean.class).single()).isTrue();
    }

    @Test
    void the_message_id_is_the_row_id_at_the_configured_domain_in_angle_brackets() {
        outbox.enqueue(verification("anna@example.com"));

        Map<String, Object> row = jdbc.sql("SELECT id, message_id FROM email_queue").query().singleRow();
        String messageId = (String) row.get("message_id");
        assertThat(messageId).matches("<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@westbethelmotel\\.com>");
        assertThat(messageId).isEqualTo("<" + (UUID) row.get("id") + "@" + DOMAIN + ">");
    }

    @Test
    void every_email_gets_its_own_row_and_message_id() {
        outbox.enqueue(verification("anna@example.com"));
        outbox.enqueue(verification("anna@example.com"));

        assertThat(jdbc.sql("SELECT count(DISTINCT message_id) FROM email_queue").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void an_email_enqueued_in_a_transaction_that_rolls_back_is_gone() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            outbox.enqueue(verification("anna@example.com"));
            assertThat(countQueued()).as("visible inside its own transaction").isOne();
            throw new IllegalStateException("the business change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(countQueued()).isZero();
    }

    @Test
    void an_email_enqueued_in_a_transaction_marked_rollback_only_is_gone() {
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(verification("anna@example.com"));
            status.setRollbackOnly();
        });

        assertThat(countQueued()).isZero();
    }

    @Test
    void an_email_enqueued_in_a_transaction_is_invisible_to_others_until_it_commits() {
        JdbcClient otherConnection = JdbcClient.create(TestDatabase.dataSource(TestDatabase.URL));

        transaction.executeWithoutResult(status -> {
            outbox.enqueue(verification("anna@example.com"));
            assertThat(otherConnection.sql("SELECT count(*) FROM email_queue").query(Integer.class).single()).isZero();
        });

        assertThat(otherConnection.sql("SELECT count(*) FROM email_queue").query(Integer.class).single()).isOne();
    }

    private int countQueued() {
        return jdbc.sql("SELECT count(*) FROM email_queue").query(Integer.class).single();
    }

    private static OutgoingEmail verification(String recipient) {
        return new OutgoingEmail("email-verification", new EmailAddress(recipient), Locale.forLanguageTag("fr-CA"),
                Map.of("firstName", "Anna", "link", "https://westbethelmotel.com/verify?token=abc"));
    }
}
