package com.westbethel.motel.adapters.messaging.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HmacUnsubscribeLinksTest {

    private static final HmacUnsubscribeLinks LINKS = new HmacUnsubscribeLinks("an unsubscribe key of 32 bytes!!".getBytes(StandardCharsets.UTF_8));
    private static final UUID GUEST = UUID.fromString("1b4e28ba-2fa1-41d2-883f-0016d3cca427");

    @Test
    void a_signed_token_names_its_guest_and_type() {
        String token = LINKS.sign(new UnsubscribeToken(GUEST, NotificationType.LOYALTY));

        assertThat(token).startsWith(GUEST + ".LOYALTY.").doesNotContain("=").doesNotContain("+").doesNotContain("/");
        assertThat(LINKS.verify(token)).contains(new UnsubscribeToken(GUEST, NotificationType.LOYALTY));
    }

    @Test
    void a_changed_guest_type_or_signature_or_another_key_is_refused() {
        String token = LINKS.sign(new UnsubscribeToken(GUEST, NotificationType.LOYALTY));
        String signature = token.substring(token.lastIndexOf('.') + 1);

        assertThat(LINKS.verify(UUID.randomUUID() + ".LOYALTY." + signature)).isEmpty();
        assertThat(LINKS.verify(GUEST + ".MARKETING." + signature)).isEmpty();
        assertThat(LINKS.verify(GUEST + ".LOYALTY." + signature.substring(1))).isEmpty();
        assertThat(LINKS.verify(GUEST.toString().toUpperCase() + ".LOYALTY." + signature)).as("one spelling only").isEmpty();
        assertThat(new HmacUnsubscribeLinks("another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8)).verify(token)).isEmpty();
    }

    @Test
    void malformed_tokens_are_refused_without_an_exception() {
        for (String malformed : new String[] {null, "", "abc", "a.b.c", GUEST + ".NOPE.xyz", GUEST + ".LOYALTY.%%%", "x".repeat(500)}) {
            assertThat(LINKS.verify(malformed)).as(String.valueOf(malformed)).isEmpty();
        }
    }
}
