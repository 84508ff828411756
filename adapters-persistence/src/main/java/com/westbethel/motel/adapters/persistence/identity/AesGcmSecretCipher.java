package com.westbethel.motel.adapters.persistence.identity;

import com.westbethel.motel.application.identity.port.out.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce per value, stored as {@code v1:<base64(nonce + ciphertext + tag)>}.
 * The version prefix leaves room for a key rotation.
 */
public class AesGcmSecretCipher implements SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /**
     * A cipher for the values sealed in the email outbox (reset links), keyed by HMAC-SHA256(masterKey, purpose) rather
     * than the MFA key itself: whoever can write to the outbox table must not be able to have the worker decrypt an MFA
     * secret copied there and mail it out.
     */
    public static AesGcmSecretCipher forEmailOutbox(byte[] masterKey) {
        return new AesGcmSecretCipher(derive(masterKey, "motel:email-outbox:v1"));
    }

    private static byte[] derive(byte[] masterKey, String purpose) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
            return hmac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    public AesGcmSecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the MFA encryption key must be 32 bytes (256 bits), got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    @Override
    public String encrypt(String plainText) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    @Override
    public String decrypt(String cipherText) {
        if (!cipherText.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a value this cipher wrote");
        }
        try {
            byte[] packed = Base64.getDecoder().decode(cipherText.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, packed, 0, NONCE_BYTES));
            return new String(cipher.doFinal(packed, NONCE_BYTES, packed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // A wrong key or tampered data: refuse rather than return garbage.
            throw new IllegalStateException("cannot decrypt an MFA secret: wrong motel.security.mfa.encryption-key or altered data", e);
        }
    }
}
