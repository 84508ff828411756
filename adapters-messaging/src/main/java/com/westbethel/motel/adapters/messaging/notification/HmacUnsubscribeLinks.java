package com.westbethel.motel.adapters.messaging.notification;

import com.westbethel.motel.application.notification.port.out.UnsubscribeLinks;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Unsubscribe tokens as {@code <user uuid>.<TYPE>.<base64url HMAC-SHA256>} over both, with the motel's
 * key: readable enough to debug, impossible to alter without the key.
 */
public class HmacUnsubscribeLinks implements UnsubscribeLinks {

    private final HmacSha256 hmac;

    public HmacUnsubscribeLinks(byte[] key) {
        this.hmac = new HmacSha256(key, "unsubscribe");
    }

    @Override
    public String sign(UnsubscribeToken token) {
        String payload = payload(token);
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    @Override
    public Optional<UnsubscribeToken> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        UnsubscribeToken claimed;
        byte[] signature;
        try {
            claimed = new UnsubscribeToken(UUID.fromString(parts[0]), NotificationType.valueOf(parts[1]));
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        // The payload is rebuilt from the parsed values, so only the canonical spelling verifies.
        String payload = payload(claimed);
        boolean valid = MessageDigest.isEqual(mac(payload), signature) && payload.equals(parts[0] + "." + parts[1]);
        return valid ? Optional.of(claimed) : Optional.empty();
    }

    private static String payload(UnsubscribeToken token) {
        return token.user() + "." + token.type().name();
    }

    private byte[] mac(String payload) {
        return hmac.sign("unsubscribe", payload);
    }
}
