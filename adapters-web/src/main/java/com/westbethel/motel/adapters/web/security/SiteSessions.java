package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.SecretCipher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * The website's hold on an account: the identity session's token pair, kept in the visitor's server-side web session
 * (Spring Session, in PostgreSQL) and never in a cookie or a page. {@link SessionTokenFilter} authenticates each request
 * from it; the login and logout pages put it there and take it away. The pair is sealed with the MFA encryption key
 * ({@link SecretCipher}) before it goes into the session: the session table holds no live token in clear.
 */
public final class SiteSessions {

    /** Where the web session keeps the token pair. */
    static final String TOKENS = SiteSessions.class.getName() + ".TOKENS";
    /** Where the web session keeps the CSRF token (so that logging in can replace it). */
    static final String CSRF_TOKEN = SiteSessions.class.getName() + ".CSRF_TOKEN";

    private final SecretCipher cipher;

    SiteSessions(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * After a successful login: the web session gets a new id (no session fixation) and loses its CSRF token (the next
     * page makes a new one), keeps what the visitor had in it (a booking under way), and holds the account's tokens.
     */
    public void logIn(HttpServletRequest request, TokenPair tokens) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession(false);
        session.removeAttribute(CSRF_TOKEN);
        keep(session, tokens);
    }

    /** Seals a short-lived secret the web session must hold between two pages (the second login step's token). */
    public String seal(String secret) {
        return cipher.encrypt(secret);
    }

    public String unseal(String sealed) {
        return cipher.decrypt(sealed);
    }

    /** Ends the web session: the visitor is anonymous again, with nothing left of the visit. */
    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Whether the request's web session holds an account's tokens (checked, as every request's, by {@link SessionTokenFilter}). */
    static boolean holdsAccount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(TOKENS) instanceof SealedTokens;
    }

    Optional<SessionTokens> tokens(HttpSession session) {
        return session.getAttribute(TOKENS) instanceof SealedTokens sealed
                ? Optional.of(new SessionTokens(cipher.decrypt(sealed.accessToken()), cipher.decrypt(sealed.refreshToken())))
                : Optional.empty();
    }

    void keep(HttpSession session, TokenPair tokens) {
        session.setAttribute(TOKENS, new SealedTokens(cipher.encrypt(tokens.accessToken()), cipher.encrypt(tokens.refreshToken())));
    }

    record SessionTokens(String accessToken, String refreshToken) {

        @Override
        public String toString() {
            return "SessionTokens[redacted]";
        }
    }

    /** The pair as the session stores it, each token sealed; Serializable, as every value Spring Session JDBC stores is. */
    record SealedTokens(String accessToken, String refreshToken) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "SessionTokens[redacted]";
        }
    }
}
