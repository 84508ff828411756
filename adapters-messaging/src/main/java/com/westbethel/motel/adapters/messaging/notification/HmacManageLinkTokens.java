package com.westbethel.motel.adapters.messaging.notification;

import com.westbethel.motel.application.booking.port.out.ManageLinkTokens;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Manage-link tokens as {@code <base64url of the booking id and expiry>.<base64url HMAC-SHA256>} with the motel's own key
 * ({@code motel.booking.manage-link-key}, apart from the unsubscribe key): 76 URL-safe characters, unguessable (256 bits
 * of signature), impossible to alter or extend without the key, checked in constant time.
 */
public class HmacManageLinkTokens implements ManageLinkTokens {

    private static final String PURPOSE = "manage-booking";
    private static final int PAYLOAD_BYTES = 16 + 8;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final HmacSha256 hmac;

    public HmacManageLinkTokens(byte[] key) {
        this.hmac = new HmacSha256(key, "manage-link");
    }

    @Override
    public String sign(Claim claim) {
        String payload = payload(claim);
        return payload + "." + ENCODER.encodeToString(hmac.sign(PURPOSE, payload));
    }

    @Override
    public Optional<Claim> verify(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        Claim claimed;
        byte[] signature;
        try {
            ByteBuffer payload = ByteBuffer.wrap(Base64.getUrlDecoder().decode(parts[0]));
            if (payload.remaining() != PAYLOAD_BYTES) {
                return Optional.empty();
            }
            claimed = new Claim(new UUID(payload.getLong(), payload.getLong()), Instant.ofEpochSecond(payload.getLong()));
            signature = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException | DateTimeException malformed) {
            return Optional.empty();
        }
        // The payload is rebuilt from the parsed values, so only the canonical spelling verifies.
        String payload = payload(claimed);
        boolean valid = MessageDigest.isEqual(hmac.sign(PURPOSE, payload), signature) && payload.equals(parts[0]);
        return valid ? Optional.of(claimed) : Optional.empty();
    }

    private static String payload(Claim claim) {
        ByteBuffer bytes = ByteBuffer.allocate(PAYLOAD_BYTES);
        bytes.putLong(claim.booking().getMostSignificantBits()).putLong(claim.booking().getLeastSignificantBits())
                .putLong(claim.expiresAt().getEpochSecond());
        return ENCODER.encodeToString(bytes.array());
    }
}
