package com.westbethel.motel.bootstrap.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.westbethel.motel.adapters.messaging.notification.SmtpEmailSender;
import com.westbethel.motel.adapters.messaging.notification.ThymeleafEmailRenderer;
import com.westbethel.motel.adapters.persistence.identity.AesGcmSecretCipher;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailOutbox;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailQueue;
import com.westbethel.motel.application.notification.port.in.DeliverEmailsUseCase.DeliveryReport;
import com.westbethel.motel.application.notification.port.in.DeliverEmailsUseCase;
import com.westbethel.motel.application.notification.port.out.EmailOutbox.OutgoingEmail;
import com.westbethel.motel.application.notification.service.DeliverEmailsService;
import com.westbethel.motel.domain.notification.DeliveryPolicy;
import com.westbethel.motel.domain.shared.EmailAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;

/** The outbox drained into GreenMail, a real SMTP server inside the JVM, from the real PostgreSQL queue. */
@SpringBootTest(properties = {"motel.worker.email-delivery-initial-delay=1h", "motel.worker.queue-metrics-initial-delay=1h",
        "spring.mail.port=3925", "motel.security.mfa-encryption-key=" + EmailDeliveryIT.MFA_KEY})
@ActiveProfiles("test")
class EmailDeliveryIT {

    /** The operator's MFA key (base64 of 32 bytes): the worker derives the outbox's seal from it. */
    static final String MFA_KEY = "BgeHxcVaQmtp/f2EIowaXV7UVTfy22KcK2YrBbY4krg=";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3925, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliverEmailsUseCase delivery;

    /** The worker's key, as configured: the API's MFA key. */
    @Autowired
    AesGcmSecretCipher apiKey;

    JdbcEmailOutbox outbox;

    @BeforeEach
    void emptyQueue() {
        jdbc.sql("DELETE FROM email_queue").update();
        outbox = new JdbcEmailOutbox(jdbc, "westbethelmotel.test");
    }

    @Test
    void a_queued_verification_email_is_sent_once_with_its_message_id_and_its_token_is_then_scrubbed() throws Exception {
        queue("email-verification", "anna@example.com");

        DeliveryReport report = delivery.deliverBatch();

        assertThat(report.sent()).isEqualTo(1);
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Confirm your email address, Anna");
        assertThat(received.getHeader("Message-ID")[0]).isEqualTo(jdbc.sql("SELECT message_id FROM email_queue").query(String.class).single());
        assertThat(jdbc.sql("SELECT status FROM email_queue").query(String.class).single()).isEqualTo("SENT");
        assertThat(jdbc.sql("SELECT model ->> 'token' FROM email_queue").query(String.class).optional()).isEmpty();
        assertThat(delivery.deliverBatch().claimed()).as("nothing is sent twice").isZero();
    }

    @Test
    void with_smtp_down_an_email_is_retried_later_and_delivered_once_smtp_is_back() throws IOException {
        queue("password-reset", "anna@example.com");
        DeliverEmailsService down = deliveryTo(closedPort(), Clock.systemUTC());

        assertThat(down.deliverBatch().retrying()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM email_queue").query(String.class).single()).isEqualTo("RETRYING");
        assertThat(jdbc.sql("SELECT last_error FROM email_queue").query(String.class).single()).contains("primary");

        jdbc.sql("UPDATE email_queue SET next_attempt_at = now()").update();
        assertThat(delivery.deliverBatch().sent()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void after_the_last_attempt_an_email_is_dead_and_stays_visible() throws IOException {
        queue("password-reset", "anna@example.com");
        jdbc.sql("UPDATE email_queue SET attempts = 7").update();

        DeliveryReport report = deliveryTo(closedPort(), Clock.systemUTC()).deliverBatch();

        assertThat(report.dead()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status || ' ' || attempts FROM email_queue").query(String.class).single()).isEqualTo("DEAD 8");
    }

    @Test
    void a_worker_that_died_mid_send_leaves_its_emails_to_be_claimed_again_once_the_lease_runs_out() {
        queue("welcome-email", "anna@example.com");
        JdbcEmailQueue queue = new JdbcEmailQueue(jdbc);
        assertThat(queue.claim(10, Duration.ofMinutes(2), Instant.now())).hasSize(1);
        // ... and that worker is killed here: the row stays SENDING under its lease.

        assertThat(delivery.deliverBatch().claimed()).as("still leased").isZero();
        DeliverEmailsService later = deliveryTo(smtp.getSmtp().getPort(), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3)));

        assertThat(later.deliverBatch().sent()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void two_workers_draining_the_same_queue_send_each_email_exactly_once() throws Exception {
        for (int i = 0; i < 60; i++) {
            queue("booking-confirmation", "guest" + i + "@example.com");
        }
        DeliverEmailsService first = deliveryTo(smtp.getSmtp().getPort(), Clock.systemUTC(), 5);
        DeliverEmailsService second = deliveryTo(smtp.getSmtp().getPort(), Clock.systemUTC(), 5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> drained = new ArrayList<>();
        for (DeliverEmailsService worker : List.of(first, second)) {
            drained.add(pool.submit((Callable<Integer>) () -> {
                int sent = 0;
                DeliveryReport report;
                while ((report = worker.deliverBatch()).claimed() > 0) {
                    sent += report.sent();
                }
                return sent;
            }));
        }
        int total = drained.get(0).get() + drained.get(1).get();
        pool.shutdown();

        assertThat(total).isEqualTo(60);
        assertThat(smtp.getReceivedMessages()).hasSize(60);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(message -> {
            try {
                return message.getHeader("Message-ID")[0];
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(60);
    }

    // Finding 8: the reset link is encrypted in the outbox row and opened only to send it; the email still works.
    @Test
    void a_reset_link_sealed_by_the_api_is_unreadable_at_rest_and_arrives_working() throws Exception {
        String token = "Vb7nM2kL9pQ4rT8wX1zC6yA3sD5fG0hJ2kL4mN6pQ8r";
        queueSealedReset(new JdbcEmailOutbox(jdbc, "westbethelmotel.test", apiKey), token);

        String atRest = jdbc.sql("SELECT model::text FROM email_queue").query(String.class).single();
        assertThat(atRest).doesNotContain(token).contains("v1:");
        assertThat(delivery.deliverBatch().sent()).isEqualTo(1);

        // Quoted-printable: soft line breaks and "=" escaped.
        String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]).replace("=\r\n", "").replace("=3D", "=");
        assertThat(body).contains("https://motel.example/reset-password?token=" + token);
        assertThat(jdbc.sql("SELECT model::text FROM email_queue").query(String.class).single()).doesNotContain("v1:").doesNotContain(token);
    }

    // Finding 8: a worker holding another key sends no broken link: the email goes DEAD, visible to motel-admin.
    @Test
    void a_worker_with_another_key_marks_a_sealed_email_dead_instead_of_sending_it() {
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        queueSealedReset(new JdbcEmailOutbox(jdbc, "westbethelmotel.test", new AesGcmSecretCipher(otherKey)), "some-token");

        assertThat(delivery.deliverBatch().sent()).isZero();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM email_queue").query(String.class).single()).isEqualTo("DEAD");
        assertThat(jdbc.sql("SELECT last_error FROM email_queue").query(String.class).single()).contains("cannot open");
    }

    // Review of finding 8: whoever can write to the outbox cannot have the worker open an MFA secret (sealed with the
    // MFA key itself) and mail it: the outbox's seal is a key derived for that purpose alone.
    @Test
    void a_value_encrypted_with_the_mfa_key_itself_is_never_opened_and_mailed() {
        AesGcmSecretCipher mfaCipher = new AesGcmSecretCipher(Base64.getDecoder().decode(MFA_KEY));
        queueSealedReset(new JdbcEmailOutbox(jdbc, "westbethelmotel.test", mfaCipher), "JBSWY3DPEHPK3PXP");

        assertThat(delivery.deliverBatch().sent()).isZero();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM email_queue").query(String.class).single()).isEqualTo("DEAD");
    }

    private void queueSealedReset(JdbcEmailOutbox sealing, String token) {
        sealing.enqueue(new OutgoingEmail("password-reset", new EmailAddress("anna@example.com"), Locale.ENGLISH, Map.of("firstName", "Anna",
                "email", "anna@example.com", "resetUrl", "https://motel.example/reset-password?token=" + token, "token", token,
                "expiresInMinutes", "60"), List.of(), List.of(), Set.of("resetUrl", "token")));
    }

    private void queue(String template, String recipient) {
        outbox.enqueue(new OutgoingEmail(template, new EmailAddress(recipient), Locale.ENGLISH, Map.ofEntries(Map.entry("firstName", "Anna"),
                Map.entry("token", "secret-token"), Map.entry("verificationUrl", "https://motel.example/verify-email?token=secret-token"),
                Map.entry("expiresInHours", "24"), Map.entry("resetUrl", "https://motel.example/reset-password?token=secret-token"),
                Map.entry("expiresInMinutes", "60"), Map.entry("loginUrl", "https://motel.example/login"), Map.entry("reference", "WB-ABCDEF"),
                Map.entry("roomType", "Queen Room"), Map.entry("checkIn", "2027-07-01"), Map.entry("checkOut", "2027-07-03"),
                Map.entry("propertyName", "West Bethel Motel"), Map.entry("checkInTime", "15:00"), Map.entry("checkOutTime", "11:00"),
                Map.entry("timeZone", "America/New_York"), Map.entry("nights", "2"), Map.entry("guests", "2"))));
    }

    private DeliverEmailsService deliveryTo(int port, Clock clock) {
        return deliveryTo(port, clock, 50);
    }

    private DeliverEmailsService deliveryTo(int port, Clock clock, int batch) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return new DeliverEmailsService(new JdbcEmailQueue(jdbc), new ThymeleafEmailRenderer(),
                new SmtpEmailSender(List.of(new SmtpEmailSender.Provider("primary", mail)), "frontdesk@westbethelmotel.test"),
                DeliveryPolicy.defaults(), batch, Duration.ofMinutes(2), clock);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
