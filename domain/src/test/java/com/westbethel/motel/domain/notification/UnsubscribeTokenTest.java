package com.westbethel.motel.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeTokenTest {

    private static final byte[] KEY = "an unsubscribe key of 32 bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final UUID GUEST = UUID.fromString("1b4e28ba-2fa1-41d2-883f-0016d3cca427");

    @Test
    void a_signed_token_names_its_guest_and_type() {
        String token = new UnsubscribeToken(GUEST, NotificationType.LOYALTY).sign(KEY);

        assertThat(token).startsWith(GUEST + ".LOYALTY.").doesNotContain("=").doesNotContain("+").doesNotContain("/");
        assertThat(UnsubscribeToken.verify(token, KEY)).contains(new UnsubscribeToken(GUEST, NotificationType.LOYALTY));
    }

    @Test
    void a_changed_guest_type_or_signature_or_another_key_is_refused() {
        String token = new UnsubscribeToken(GUEST, NotificationType.LOYALTY).sign(KEY);
        String signature = token.substring(token.lastIndexOf('.') + 1);

        assertThat(UnsubscribeToken.verify(UUID.randomUUID() + ".LOYALTY." + signature, KEY)).isEmpty();
        assertThat(UnsubscribeToken.verify(GUEST + ".MARKETING." + signature, KEY)).isEmpty();
        assertThat(UnsubscribeToken.verify(GUEST + ".LOYALTY." + signature.substring(1), KEY)).isEmpty();
        assertThat(UnsubscribeToken.verify(GUEST.toString().toUpperCase() + ".LOYALTY." + signature, KEY)).as("one spelling only").isEmpty();
        assertThat(UnsubscribeToken.verify(token, "another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void malformed_tokens_are_refused_without_an_exception() {
        for (String malformed : new String[] {null, "", "abc", "a.b.c", GUEST + ".NOPE.xyz", GUEST + ".LOYALTY.%%%", "x".repeat(500)}) {
            assertThat(UnsubscribeToken.verify(malformed, KEY)).as(String.valueOf(malformed)).isEmpty();
        }
    }
}
