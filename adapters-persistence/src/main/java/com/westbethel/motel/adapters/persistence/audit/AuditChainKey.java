package com.westbethel.motel.adapters.persistence.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key of the audit log's hash chain (HMAC-SHA256), held outside the database ({@code motel.audit.hmac-key},
 * {@code MOTEL_AUDIT_HMACKEY}): whoever has only the database cannot recompute a link. Production requires one
 * (the API's prod profile lists it in {@code motel.required-secrets}); without one, development uses a fixed,
 * public development key, the same in the API, the worker and motel-admin, so that their entries verify together
 * (a random key per process, as for the other keys, would break the chain at every restart).
 */
public final class AuditChainKey {

    public static final String PROPERTY = "motel.audit.hmac-key";
    public static final String VARIABLE = "MOTEL_AUDIT_HMACKEY";

    private static final Logger log = LoggerFactory.getLogger(AuditChainKey.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DEVELOPMENT_KEY = "west-bethel-motel development audit key: not a secret".getBytes(StandardCharsets.UTF_8);

    private final byte[] secret;
    private final boolean development;
    private final String check;

    private AuditChainKey(byte[] secret, boolean development) {
        if (secret.length < 32) {
            throw new IllegalArgumentException(PROPERTY + " has " + secret.length * 8 + " bits; it needs at least 256 (openssl rand -base64 32)");
        }
        this.secret = secret.clone();
        this.development = development;
        this.check = hmac("west-bethel-motel audit key check").substring(0, 16);
    }

    /** The configured base64 key, or (development only: production requires one) the development key, with a warning. */
    public static AuditChainKey configured(String base64) {
        if (base64 == null || base64.isBlank()) {
            log.warn("No {} configured: the audit log is chained with the public development key, which anyone can use to rewrite it. "
                    + "Set {} in production, the same in the API, the worker and motel-admin.", PROPERTY, VARIABLE);
            return developmentKey();
        }
        try {
            return new AuditChainKey(Base64.getDecoder().decode(base64.strip()), false);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(PROPERTY + " is not valid base64: " + notBase64.getMessage(), notBase64);
        }
    }

    public static AuditChainKey developmentKey() {
        return new AuditChainKey(DEVELOPMENT_KEY, true);
    }

    public static AuditChainKey of(byte[] secret) {
        return new AuditChainKey(secret, false);
    }

    /** True when no key was configured and the public development key is in use. */
    public boolean isDevelopment() {
        return development;
    }

    /** Names the key without revealing it: stored with each keyed entry, so a verifier with another key can say so. */
    public String check() {
        return check;
    }

    /** HMAC-SHA256 of the text, as lower-case hex. */
    public String hmac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, impossible);
        }
    }
}
