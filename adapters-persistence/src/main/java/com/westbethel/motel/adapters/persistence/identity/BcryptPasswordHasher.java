package com.westbethel.motel.adapters.persistence.identity;

import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords at rest as bcrypt hashes, through Spring Security's delegating encoder: each hash is
 * stored with its algorithm ({@code {bcrypt}...}), so a later move to another algorithm keeps old
 * hashes readable.
 */
public class BcryptPasswordHasher implements PasswordHasher {

    private final PasswordEncoder encoder;

    /** @param strength bcrypt's log2 cost: 12 for production, as low as 4 in tests */
    public BcryptPasswordHasher(int strength) {
        this.encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }

    @Override
    public String hash(String password) {
        return encoder.encode(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        try {
            return encoder.matches(password, hash);
        } catch (IllegalArgumentException unreadableHashOrOverlongPassword) {
            return false;
        }
    }
}
