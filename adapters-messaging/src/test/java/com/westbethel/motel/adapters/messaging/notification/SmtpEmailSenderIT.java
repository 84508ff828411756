package com.westbethel.motel.adapters.messaging.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.Attachment;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.application.notification.port.out.EmailSender.Message;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Against GreenMail, a real SMTP server inside the JVM. */
class SmtpEmailSenderIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private final Message verification = message("<1b2c@westbethelmotel.test>", "anna@example.com", "Confirm your email address, Anna",
            "<p>Dear Anna</p>", "Dear Anna");

    @Test
    void a_message_arrives_as_text_and_html_with_its_stable_message_id() throws Exception {
        var outcomes = new SmtpEmailSender(List.of(new SmtpEmailSender.Provider("primary", mail(smtp.getSmtp().getPort()))),
                "West Bethel Motel <frontdesk@westbethelmotel.test>").sendAll(List.of(verification));

        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.provider()).contains("primary"));
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Confirm your email address, Anna");
        assertThat(received.getHeader("Message-ID")[0]).isEqualTo("<1b2c@westbethelmotel.test>");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("anna@example.com");
        assertThat(contentTypes((MimeMultipart) received.getContent())).contains("text/plain", "text/html");
    }

    @Test
    void a_batch_goes_over_one_connection_and_every_message_arrives() {
        var sender = new SmtpEmailSender(List.of(new SmtpEmailSender.Provider("primary", mail(smtp.getSmtp().getPort()))), "frontdesk@westbethelmotel.test");
        List<Message> batch = IntStream.range(0, 20)
                .mapToObj(i -> message("<" + i + "@westbethelmotel.test>", "guest" + i + "@example.com", "Hello", "<p>Hi</p>", "Hi"))
                .toList();

        assertThat(sender.sendAll(batch)).allSatisfy(outcome -> assertThat(outcome.sent()).isTrue());
        assertThat(smtp.getReceivedMessages()).hasSize(20);
    }

    @Test
    void when_the_primary_is_down_the_fallback_takes_the_message() throws IOException {
        SmtpEmailSender sender = new SmtpEmailSender(List.of(new SmtpEmailSender.Provider("primary", mail(closedPort())),
                new SmtpEmailSender.Provider("fallback", mail(smtp.getSmtp().getPort()))), "frontdesk@westbethelmotel.test");

        assertThat(sender.sendAll(List.of(verification)).get(0).provider()).contains("fallback");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void with_every_provider_down_the_send_fails_for_the_caller_to_retry() throws IOException {
        SmtpEmailSender sender = new SmtpEmailSender(List.of(new SmtpEmailSender.Provider("primary", mail(closedPort()))), "frontdesk@westbethelmotel.test");

        var outcome = sender.sendAll(List.of(verification)).get(0);

        assertThat(outcome.sent()).isFalse();
        assertThat(outcome.error()).hasValueSatisfying(error -> assertThat(error).contains("primary"));
    }

    @Test
    void copies_attachments_and_the_one_click_unsubscribe_headers_go_out_with_the_message() throws Exception {
        byte[] calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        RenderedEmail content = new RenderedEmail("Your stay is confirmed: WB-7K2M9Q", "<p>Dear Anna</p>", "Dear Anna",
                List.of(new Attachment("stay-WB-7K2M9Q.ics", "text/calendar; charset=UTF-8; method=PUBLISH", calendar)),
                Optional.of("https://westbethelmotel.example/api/v1/notifications/unsubscribe?token=abc"));
        Message confirmation = new Message("<c0ff@westbethelmotel.test>", "anna@example.com", List.of("bo@example.com"),
                List.of("frontdesk@westbethelmotel.test"), content);

        var outcomes = new SmtpEmailSender(List.of(new SmtpEmailSender.Provider("primary", mail(smtp.getSmtp().getPort()))),
                "West Bethel Motel <frontdesk@westbethelmotel.test>").sendAll(List.of(confirmation));

        assertThat(outcomes.get(0).sent()).isTrue();
        // One copy per envelope recipient: to, cc and bcc.
        assertThat(smtp.getReceivedMessages()).hasSize(3);
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getRecipients(jakarta.mail.Message.RecipientType.CC)).extracting(Object::toString).containsExactly("bo@example.com");
        assertThat(received.getHeader("Bcc")).as("blind copies stay blind").isNull();
        assertThat(received.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://westbethelmotel.example/api/v1/notifications/unsubscribe?token=abc>");
        assertThat(received.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(contentTypes(parts)).contains("text/plain", "text/html", "text/calendar");
        BodyPart attachment = attachment(parts);
        assertThat(attachment.getFileName()).isEqualTo("stay-WB-7K2M9Q.ics");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(calendar);
    }

    @Test
    void essential_mail_carries_no_unsubscribe_header() throws Exception {
        new SmtpEmailSender(List.of(new SmtpEmailSender.Provider("primary", mail(smtp.getSmtp().getPort()))), "frontdesk@westbethelmotel.test")
                .sendAll(List.of(verification));

        assertThat(smtp.getReceivedMessages()[0].getHeader("List-Unsubscribe")).isNull();
    }

    private static BodyPart attachment(MimeMultipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                BodyPart found = attachment(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Message message(String id, String to, String subject, String html, String text) {
        return new Message(id, to, List.of(), List.of(), new RenderedEmail(subject, html, text));
    }

    private static String contentTypes(MimeMultipart multipart) throws Exception {
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object content = multipart.getBodyPart(i).getContent();
            types.append(multipart.getBodyPart(i).getContentType()).append(' ');
            if (content instanceof MimeMultipart nested) {
                types.append(contentTypes(nested));
            }
        }
        return types.toString();
    }

    static JavaMailSenderImpl mail(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        mail.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return mail;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
