package com.westbethel.motel.adapters.messaging.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.domain.notification.EmailTemplates;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThymeleafEmailRendererTest {

    private final ThymeleafEmailRenderer renderer = new ThymeleafEmailRenderer();

    @Test
    void every_template_renders_a_subject_an_html_part_in_the_layout_and_a_text_part() {
        Map<String, String> model = new HashMap<>();
        for (String name : new String[] {"firstName", "verificationUrl", "resetUrl", "loginUrl", "expiresInHours", "expiresInMinutes", "how",
            "detail", "alert", "reference", "roomType", "guests", "checkIn", "checkOut", "checkInTime", "checkOutTime", "timeZone", "nights",
            "total", "pointsEarned", "refund", "reason", "points", "balance", "tier", "email", "token", "propertyName"}) {
            model.put(name, "<" + name + ">");
        }
        for (String template : EmailTemplates.ALL) {
            RenderedEmail email = renderer.render(template, Locale.ENGLISH, model);

            assertThat(email.subject()).as(template).isNotBlank().doesNotContain("\n");
            assertThat(email.html()).as(template).contains("West Bethel Motel").contains("&lt;firstName&gt;").doesNotContain("<firstName>");
            assertThat(email.text()).as(template).contains("Dear <firstName>,");
        }
    }

    @Test
    void the_verification_email_carries_its_link_in_both_parts() {
        RenderedEmail email = renderer.render("email-verification", Locale.ENGLISH, Map.of("firstName", "Anna",
                "verificationUrl", "https://motel.example/verify-email?token=abc", "expiresInHours", "24"));

        assertThat(email.subject()).isEqualTo("Confirm your email address, Anna");
        assertThat(email.html()).contains("href=\"https://motel.example/verify-email?token=abc\"").contains("24");
        assertThat(email.text()).contains("https://motel.example/verify-email?token=abc");
    }

    @Test
    void a_guest_supplied_value_cannot_inject_markup_or_a_header() {
        RenderedEmail email = renderer.render("booking-cancelled", Locale.ENGLISH, Map.of("firstName", "<script>alert(1)</script>",
                "reference", "WB-ABC\r\nBcc: someone@evil.example", "roomType", "Queen", "checkIn", "a", "checkOut", "b", "refund", "0"));

        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void an_unknown_template_is_refused() {
        assertThatThrownBy(() -> renderer.render("birthday-card", Locale.ENGLISH, Map.of())).hasMessageContaining("birthday-card");
    }
}
