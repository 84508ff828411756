package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.identity.port.in.AuthenticateUseCase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <token>} and, when the token is genuine and not revoked,
 * authenticates the request. A bad token leaves the request anonymous: protected endpoints then answer
 * 401, public ones still work.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final AuthenticateUseCase authenticate;

    BearerTokenFilter(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            authenticate.authenticate(header.substring(PREFIX.length()).strip())
                    .ifPresent(claims -> SecurityContextHolder.getContext().setAuthentication(new BearerAuthentication(claims)));
        }
        chain.doFilter(request, response);
    }
}
