package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfException;

/**
 * How the website's chain refuses: to the login page when an account is needed, a 404 page for a path the site does not
 * list, the error page otherwise (saying to turn on two-factor login first when that is what keeps a member of staff out).
 */
final class SitePages {

    private static final String UNLISTED = SitePages.class.getName() + ".UNLISTED";

    private SitePages() {
    }

    /** The fallback rule: a path the site does not list is refused, and the refusal is a 404 page (see the handlers). */
    static AuthorizationManager<RequestAuthorizationContext> unlisted() {
        return (authentication, context) -> {
            context.getRequest().setAttribute(UNLISTED, true);
            return new AuthorizationDecision(false);
        };
    }

    /** A page that needs an account: log in first, then come back (a GET comes back to itself; other methods to the account). */
    static AuthenticationEntryPoint logInFirst() {
        return (request, response, exception) -> {
            if (notFound(request, response)) {
                return;
            }
            String login = request.getContextPath() + "/login";
            if (HttpMethod.GET.matches(request.getMethod())) {
                login += "?next=" + URLEncoder.encode(pathAndQuery(request), StandardCharsets.UTF_8);
            }
            response.sendRedirect(login);
        };
    }

    /** 403 as the error page; a form sent without a valid CSRF token (a session that expired meanwhile) is told so. */
    static AccessDeniedHandler forbidden() {
        AccessDeniedHandler problem = ProblemResponses.forbidden();
        return (request, response, exception) -> {
            if (notFound(request, response)) {
                return;
            }
            if (!PageRequests.wantsPage(request)) {
                problem.handle(request, response, exception);
                return;
            }
            if (exception instanceof CsrfException) {
                PageRequests.markFormExpired(request);
            } else if (withoutRoles()) {
                PageRequests.markTwoFactorFirst(request);
            }
            response.sendError(HttpStatus.FORBIDDEN.value());
        };
    }

    /** An unlisted path answers as a path without any page: 404, for a visitor with or without an account. */
    private static boolean notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(UNLISTED) == null) {
            return false;
        }
        response.sendError(HttpStatus.NOT_FOUND.value());
        return true;
    }

    /** Logged in with a token that grants no role: TokenIssuer withholds staff and admin roles until two-factor login is on. */
    private static boolean withoutRoles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccessTokenClaims claims && claims.roles().isEmpty();
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
