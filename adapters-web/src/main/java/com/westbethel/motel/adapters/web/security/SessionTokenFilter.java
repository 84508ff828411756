package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.identity.port.in.AuthenticateUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshSharedTokensUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.adapters.web.security.SiteSessions.SessionTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The website's counterpart of {@link BearerTokenFilter}: authenticates a request from the token pair its web session
 * holds ({@link SiteSessions}), with the same principal, {@link AccessTokenClaims}. An expired access token is traded for
 * a new pair through {@link RefreshSharedTokensUseCase}: a refresh token works once, and two requests of one visitor
 * (a page and the form it posts at once, on one replica or two) would both refresh it, the second looking like a stolen
 * token; that use case lets them take turns across replicas and hands the later ones the first one's pair. When the account
 * session has ended (logged out everywhere, ended from another device, revoked, past its idle or absolute limit) the
 * refresh fails and the web session is invalidated, so the visitor is anonymous again. Requests for the site's static files
 * and the favicon never touch the session.
 *
 * <p>A page's own script fetching it again while nobody uses it (the live dashboard's half-minute refresh) says so in
 * {@value #BACKGROUND}: such a request is served while the access token lasts but never refreshes it, since a refresh is
 * what tells the account session it is in use. An unattended console then reaches its idle limit (30 minutes for staff)
 * as if it were closed; its script's requests are sent to the login page meanwhile, and the visit itself is left alone,
 * so whoever comes back within the limit carries on.
 */
final class SessionTokenFilter extends OncePerRequestFilter {

    /** The header a page's script sends, with {@code true}, on a request nobody asked for (dashboard.js). */
    static final String BACKGROUND = "X-Motel-Background";

    private final AuthenticateUseCase authenticate;
    private final RefreshSharedTokensUseCase refresh;
    private final SecurityContextRepository contexts;
    private final SiteSessions sessions;

    SessionTokenFilter(AuthenticateUseCase authenticate, RefreshSharedTokensUseCase refresh, SecurityContextRepository contexts, SiteSessions sessions) {
        this.sessions = sessions;
        this.authenticate = authenticate;
        this.refresh = refresh;
        this.contexts = contexts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/site/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Optional<SessionTokens> tokens = session == null ? Optional.empty() : sessions.tokens(session);
        if (tokens.isPresent()) {
            boolean background = "true".equals(request.getHeader(BACKGROUND));
            Optional<AccessTokenClaims> claims = authenticate.authenticate(tokens.get().accessToken())
                    .or(() -> background ? Optional.empty() : refreshed(session, tokens.get(), request));
            if (claims.isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new BearerAuthentication(claims.get()));
                SecurityContextHolder.setContext(context);
                // Kept for the error page of this request too (an error dispatch passes the session filter by).
                contexts.saveContext(context, request, response);
            } else if (!background) {
                SiteSessions.end(request);
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<AccessTokenClaims> refreshed(HttpSession session, SessionTokens tokens, HttpServletRequest request) {
        RefreshResult result = refresh.refresh(tokens.refreshToken(), ClientDevice.of(request));
        if (result instanceof RefreshResult.Refreshed refreshed) {
            sessions.keep(session, refreshed.tokens());
            return authenticate.authenticate(refreshed.tokens().accessToken());
        }
        return Optional.empty();
    }
}
