package com.westbethel.motel.benchmarks;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.westbethel.motel.adapters.messaging.notification.SmtpEmailSender;
import com.westbethel.motel.adapters.messaging.notification.ThymeleafEmailRenderer;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailOutbox;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailQueue;
import com.westbethel.motel.application.notification.port.in.DeliverEmailsUseCase.DeliveryReport;
import com.westbethel.motel.application.notification.port.out.EmailOutbox.OutgoingEmail;
import com.westbethel.motel.application.notification.service.DeliverEmailsService;
import com.westbethel.motel.domain.notification.DeliveryPolicy;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A throughput run, not a JMH benchmark: one sender drains 5,000 queued booking confirmations from
 * PostgreSQL into a local SMTP server (GreenMail, in this JVM), as the worker does, and prints emails
 * per second. It empties the email_queue table of the database it is given (default motel_test).
 * <pre>java -cp benchmarks/target/benchmarks.jar com.westbethel.motel.benchmarks.EmailThroughputRun [count] [jdbc-url]</pre>
 */
public final class EmailThroughputRun {

    private EmailThroughputRun() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        String url = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/motel_test";
        int senders = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("motel");
        pool.setPassword("motel");
        pool.setMaximumPoolSize(senders + 1);
        JdbcClient jdbc = JdbcClient.create(pool);
        jdbc.sql("DELETE FROM email_queue").update();
        JdbcEmailOutbox outbox = new JdbcEmailOutbox(jdbc, "westbethelmotel.test");
        Map<String, String> model = Map.ofEntries(Map.entry("firstName", "Anna"), Map.entry("reference", "WB-7K3Q9X"),
                Map.entry("roomType", "Queen Room"), Map.entry("guests", "2"), Map.entry("checkIn", "2027-07-01"), Map.entry("checkOut", "2027-07-04"),
                Map.entry("checkInTime", "15:00"), Map.entry("checkOutTime", "11:00"), Map.entry("timeZone", "America/New_York"),
                Map.entry("nights", "3"), Map.entry("total", "267.30 USD"), Map.entry("pointsEarned", "2670"),
                Map.entry("propertyName", "West Bethel Motel"));
        for (int i = 0; i < count; i++) {
            outbox.enqueue(new OutgoingEmail("booking-confirmation", new EmailAddress("guest" + i + "@example.com"), Locale.ENGLISH, model));
        }
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(smtp.getSmtp().getPort());
            mail.getJavaMailProperties().put("mail.smtp.localhost", "localhost");
            DeliverEmailsService delivery = new DeliverEmailsService(new JdbcEmailQueue(jdbc), new ThymeleafEmailRenderer(),
                    new SmtpEmailSender(List.of(new SmtpEmailSender.Provider("local", mail)), "frontdesk@westbethelmotel.test"),
                    DeliveryPolicy.defaults(), 50, Duration.ofMinutes(2), Clock.systemUTC());
            long started = System.nanoTime();
            // As the worker does: each sender drains batches until none is left; SKIP LOCKED keeps them apart.
            ExecutorService threads = Executors.newFixedThreadPool(senders);
            List<Future<Integer>> drained = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                drained.add(threads.submit(() -> {
                    int mine = 0;
                    DeliveryReport report;
                    while ((report = delivery.deliverBatch()).claimed() > 0) {
                        mine += report.sent();
                    }
                    return mine;
                }));
            }
            int sent = 0;
            for (Future<Integer> future : drained) {
                sent += future.get();
            }
            threads.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("sent %d of %d emails in %.1f s with %d sender(s): %.0f emails/s (received by SMTP: %d)%n", sent, count, seconds,
                    senders, sent / seconds, smtp.getReceivedMessages().length);
        } finally {
            smtp.stop();
            jdbc.sql("DELETE FROM email_queue").update();
            pool.close();
        }
    }
}
