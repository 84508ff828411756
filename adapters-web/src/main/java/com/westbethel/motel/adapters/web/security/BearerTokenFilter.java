package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.identity.port.in.AuthenticateUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and, when the token is genuine and not revoked, authenticates the request.
 * A request that sends an Authorization header which does not authenticate (another scheme, a forged, expired or revoked
 * token) is answered 401 here, on every endpoint, those open to anonymous callers included (RFC 6750 section 3.1): it is
 * never served as anonymous, so a made-up header cannot turn a guest checkout into one counted at the API's rate, and a
 * client whose token expired never books without its account by surprise. No header at all is the anonymous caller.
 * The two calls that exist to get a new token, login and refresh, ignore the header: clients commonly send their expired
 * token along with them, and neither reads a caller from it.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    /** Matched as Spring MVC routes them (decoded, normalised), so no spelling of another path slips through. */
    private static final RequestMatcher TOKEN_ISSUING = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/login"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/refresh"));

    private final AuthenticateUseCase authenticate;

    BearerTokenFilter(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && !TOKEN_ISSUING.matches(request)) {
            Optional<AccessTokenClaims> claims = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                    ? authenticate.authenticate(header.substring(PREFIX.length()).strip())
                    : Optional.empty();
            if (claims.isEmpty()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN_CHALLENGE);
                ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, "The Authorization header does not authenticate (the "
                        + "bearer token is not valid, or has expired): get a new one from /api/v1/auth/refresh or /api/v1/auth/login, "
                        + "or send no Authorization header to use what is open without an account.");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new BearerAuthentication(claims.get()));
        }
        chain.doFilter(request, response);
    }
}
