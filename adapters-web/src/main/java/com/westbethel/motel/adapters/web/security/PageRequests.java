package com.westbethel.motel.adapters.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which of the two front ends a request belongs to, and so how its errors are answered. The JSON API (its paths, the API
 * documentation) always gets problem+json; any other path is the website's, and gets an HTML page when the client
 * accepts HTML (every browser's navigation does), else problem+json (a script, curl, a health probe). Paths are matched
 * decoded, like routing: {@code /%61pi/v1/x} is the API's.
 */
public final class PageRequests {

    /** What {@code SecurityConfiguration}'s API chain covers: everything else is the website's chain. */
    static final String[] API_PATHS = {"/api/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
        "/webjars/**", "/actuator", "/actuator/**"};
    private static final List<PathPattern> API = List.of(API_PATHS).stream().map(PathPatternParser.defaultInstance::parse).toList();

    private static final String FORM_EXPIRED = PageRequests.class.getName() + ".FORM_EXPIRED";
    private static final String TWO_FACTOR_FIRST = PageRequests.class.getName() + ".TWO_FACTOR_FIRST";

    private PageRequests() {
    }

    /** Whether this request was refused for a missing or stale CSRF token (a form left open past its session). */
    public static boolean formExpired(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(FORM_EXPIRED));
    }

    static void markFormExpired(HttpServletRequest request) {
        request.setAttribute(FORM_EXPIRED, Boolean.TRUE);
    }

    /**
     * Whether this request was refused because the account's token carries no role: a member of staff or an admin who
     * has not turned on two-factor login while {@code motel.security.require-*-mfa} asks for it.
     */
    public static boolean twoFactorFirst(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(TWO_FACTOR_FIRST));
    }

    static void markTwoFactorFirst(HttpServletRequest request) {
        request.setAttribute(TWO_FACTOR_FIRST, Boolean.TRUE);
    }

    /** Whether the error of this request is answered with an HTML page rather than problem+json. */
    public static boolean wantsPage(HttpServletRequest request) {
        return wantsPage(request.getRequestURI(), request.getContextPath(), request.getHeader(HttpHeaders.ACCEPT));
    }

    /** As {@link #wantsPage(HttpServletRequest)}, for the raw pieces (the servlet container's error report has no servlet request). */
    public static boolean wantsPage(String uri, String contextPath, String accept) {
        return !isApi(uri, contextPath) && acceptsHtml(accept);
    }

    static boolean isApi(String uri, String contextPath) {
        PathContainer path;
        try {
            path = RequestPath.parse(uri == null ? "/" : uri, contextPath).pathWithinApplication();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return API.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static boolean acceptsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML) && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
