package com.westbethel.motel.domain.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in a one-click unsubscribe link (RFC 8058): which guest, which notification type, and an
 * HMAC-SHA256 over both with the motel's key, so that the link works without logging in and cannot be
 * altered to unsubscribe someone else. Form: {@code <user uuid>.<TYPE>.<base64url signature>}.
 */
public record UnsubscribeToken(UUID user, NotificationType type) {

    private static final String ALGORITHM = "HmacSHA256";

    public String sign(byte[] key) {
        return payload() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, payload()));
    }

    /** The token's guest and type, when it was signed with this key; empty when malformed or tampered with. */
    public static Optional<UnsubscribeToken> verify(String token, byte[] key) {
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
        boolean valid = MessageDigest.isEqual(mac(key, claimed.payload()), signature) && claimed.payload().equals(parts[0] + "." + parts[1]);
        return valid ? Optional.of(claimed) : Optional.empty();
    }

    private String payload() {
        return user + "." + type.name();
    }

    private static byte[] mac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(("unsubscribe:" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
