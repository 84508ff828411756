package com.westbethel.motel.adapters.messaging.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signature of the motel's signed links: HMAC-SHA256 with a key of at least 256 bits, over a purpose and a payload. */
final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    /** @param what names the key in the refusal of a short one */
    HmacSha256(byte[] key, String what) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the " + what + " key must be at least 256 bits");
        }
        this.key = key.clone();
    }

    /** @param purpose kept apart from the payload, so that a token signed for one purpose never verifies for another */
    byte[] sign(String purpose, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal((purpose + ":" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
