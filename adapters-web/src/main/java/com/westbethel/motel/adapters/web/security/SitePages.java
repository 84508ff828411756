package com.westbethel.motel.adapters.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** How the website's chain refuses: to the login page when an account is needed, to the error page otherwise. */
final class SitePages {

    private SitePages() {
    }

    /** A page that needs an account: log in first, then come back (a GET comes back to itself; other methods to the account). */
    static AuthenticationEntryPoint logInFirst() {
        return (request, response, exception) -> {
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
            if (!PageRequests.wantsPage(request)) {
                problem.handle(request, response, exception);
                return;
            }
            if (exception instanceof CsrfException) {
                PageRequests.markFormExpired(request);
            }
            response.sendError(HttpStatus.FORBIDDEN.value());
        };
    }

    private static String pathAndQuery(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
