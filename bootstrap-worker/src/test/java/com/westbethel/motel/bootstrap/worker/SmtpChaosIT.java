package com.westbethel.motel.bootstrap.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailOutbox;
import com.westbethel.motel.application.notification.port.out.EmailOutbox.OutgoingEmail;
import com.westbethel.motel.domain.shared.EmailAddress;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Chaos (spec section 5.6), SMTP down and back: the worker's own schedule drains the outbox while no SMTP
 * server listens, then GreenMail starts on that port. Retries are shortened (1 s doubling to 4 s instead of
 * 30 s to 1 h) so that several attempts fit in a few seconds; everything else is the worker as deployed.
 */
@SpringBootTest(properties = {"motel.worker.email-delivery-interval=500ms", "motel.worker.email-delivery-initial-delay=0s",
        "motel.worker.email-first-retry=1s", "motel.worker.email-longest-retry=4s", "motel.worker.queue-metrics-initial-delay=1h"})
@ActiveProfiles("test")
@DirtiesContext // its schedule must not outlive this class and drain other tests' queues
class SmtpChaosIT {

    private static final int EMAILS = 20;
    private static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtpThatIsDown(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyQueue() {
        jdbc.sql("DELETE FROM email_queue").update();
    }

    @Test
    void with_smtp_down_emails_wait_and_retry_and_once_it_is_back_each_is_delivered_exactly_once() {
        JdbcEmailOutbox outbox = new JdbcEmailOutbox(jdbc, "westbethelmotel.test");
        List<String> recipients = IntStream.range(0, EMAILS).mapToObj(i -> "chaos-" + i + "@example.com").toList();
        Instant downSince = Instant.now();
        recipients.forEach(recipient -> outbox.enqueue(welcome(recipient)));

        await().atMost(Duration.ofSeconds(30)).until(() -> count("status = 'RETRYING' AND attempts >= 3") == EMAILS);
        Map<String, Long> whileDown = statuses();
        List<Integer> attemptsWhileDown = jdbc.sql("SELECT attempts FROM email_queue ORDER BY attempts").query(Integer.class).list();
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Instant backAt = Instant.now();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> count("status = 'SENT'") == EMAILS);
            Instant allSent = Instant.now();
            // Exactly once: nothing more arrives over the next few delivery rounds.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> smtp.getReceivedMessages().length == EMAILS);
            MimeMessage[] received = smtp.getReceivedMessages();
            System.out.printf("CHAOS smtp-outage: %d emails queued with SMTP down for %.1f s: %s, %d-%d attempts each, none sent or dead; "
                            + "all %d delivered %.1f s after SMTP came back, %d messages received, %d distinct Message-IDs%n",
                    EMAILS, seconds(downSince, backAt), whileDown, attemptsWhileDown.get(0), attemptsWhileDown.get(EMAILS - 1), EMAILS,
                    seconds(backAt, allSent), received.length, Arrays.stream(received).map(SmtpChaosIT::messageId).distinct().count());

            assertThat(whileDown).as("waiting to retry, none lost or dead").isEqualTo(Map.of("RETRYING", (long) EMAILS));
            assertThat(received).hasSize(EMAILS);
            assertThat(Arrays.stream(received).map(SmtpChaosIT::recipient)).containsExactlyInAnyOrderElementsOf(recipients);
            assertThat(Arrays.stream(received).map(SmtpChaosIT::messageId))
                    .containsExactlyInAnyOrderElementsOf(jdbc.sql("SELECT message_id FROM email_queue").query(String.class).list());
        } finally {
            smtp.stop();
        }
    }

    private long count(String condition) {
        return jdbc.sql("SELECT count(*) FROM email_queue WHERE " + condition).query(Long.class).single();
    }

    private Map<String, Long> statuses() {
        Map<String, Long> statuses = new TreeMap<>();
        jdbc.sql("SELECT status, count(*) AS emails FROM email_queue GROUP BY status")
                .query((row, number) -> statuses.put(row.getString("status"), row.getLong("emails"))).list();
        return statuses;
    }

    private static OutgoingEmail welcome(String recipient) {
        return new OutgoingEmail("welcome-email", new EmailAddress(recipient), Locale.ENGLISH, Map.of("firstName", "Anna",
                "loginUrl", "https://motel.example/login"));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getHeader("Message-ID")[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** A free loopback port below Linux's ephemeral range, so no outgoing connection takes it while nothing listens. */
    private static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
                return candidate;
            } catch (IOException taken) {
                // Try another.
            }
        }
        throw new IllegalStateException("no free port for the SMTP server");
    }
}
