package com.westbethel.motel.adapters.messaging.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.westbethel.motel.application.booking.port.out.ManageLinkTokens.Claim;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HmacManageLinkTokensTest {

    private static final HmacManageLinkTokens TOKENS = new HmacManageLinkTokens("a manage-link key of 32 bytes!!!".getBytes(StandardCharsets.UTF_8));
    private static final UUID BOOKING = UUID.fromString("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
    private static final Instant AFTER_CHECK_OUT = Instant.parse("2027-07-04T04:00:00Z");

    @Test
    void a_signed_token_names_its_booking_and_expiry_in_url_safe_characters() {
        String token = TOKENS.sign(new Claim(BOOKING, AFTER_CHECK_OUT));

        assertThat(token).hasSize(76).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(TOKENS.verify(token)).contains(new Claim(BOOKING, AFTER_CHECK_OUT));
    }

    @Test
    void another_booking_a_later_expiry_a_changed_signature_or_another_key_is_refused() {
        String token = TOKENS.sign(new Claim(BOOKING, AFTER_CHECK_OUT));
        String signature = token.substring(token.indexOf('.') + 1);

        assertThat(TOKENS.verify(payload(UUID.randomUUID(), AFTER_CHECK_OUT) + "." + signature)).isEmpty();
        assertThat(TOKENS.verify(payload(BOOKING, AFTER_CHECK_OUT.plusSeconds(86_400)) + "." + signature)).isEmpty();
        assertThat(TOKENS.verify(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"))).isEmpty();
        assertThat(new HmacManageLinkTokens("another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8)).verify(token)).isEmpty();
    }

    @Test
    void an_unsubscribe_signature_never_opens_a_booking() {
        byte[] key = "a manage-link key of 32 bytes!!!".getBytes(StandardCharsets.UTF_8);
        String payload = payload(BOOKING, AFTER_CHECK_OUT);
        String unsubscribeSignature = Base64.getUrlEncoder().withoutPadding().encodeToString(new HmacSha256(key, "test").sign("unsubscribe", payload));

        assertThat(TOKENS.verify(payload + "." + unsubscribeSignature)).isEmpty();
    }

    @Test
    void malformed_tokens_are_refused_without_an_exception() {
        for (String malformed : new String[] {null, "", "abc", "a.b", "a.b.c", "%%%.%%%", payload(BOOKING, Instant.MAX) + ".x", "x".repeat(500)}) {
            assertThat(TOKENS.verify(malformed)).as(String.valueOf(malformed)).isEmpty();
        }
    }

    @Test
    void a_short_key_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HmacManageLinkTokens(new byte[31])).withMessageContaining("manage-link");
    }

    private static String payload(UUID booking, Instant expiresAt) {
        ByteBuffer bytes = ByteBuffer.allocate(24).putLong(booking.getMostSignificantBits()).putLong(booking.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
