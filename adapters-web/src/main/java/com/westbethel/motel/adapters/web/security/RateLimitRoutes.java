package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase.RequestKind;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which rate limit a request counts against, decided by the route Spring MVC matches for it, never by
 * the raw URI: {@code /%61pi/v1/auth/register} reaches the sign-up endpoint, so it is counted as a
 * sign-up. Paths are matched as routing matches them (path patterns compare the decoded segments).
 * A request no route serves is {@link RequestKind#UNROUTED}, the strictest limit.
 */
final class RateLimitRoutes {

    private static final Map<String, RequestKind> AUTH = Map.ofEntries(
            Map.entry("/api/v1/auth/login", RequestKind.LOGIN),
            Map.entry("/api/v1/auth/register", RequestKind.REGISTER),
            Map.entry("/api/v1/auth/forgot-password", RequestKind.PASSWORD_RESET),
            Map.entry("/api/v1/auth/reset-password", RequestKind.PASSWORD_RESET),
            Map.entry("/api/v1/auth/resend-verification", RequestKind.VERIFICATION),
            Map.entry("/api/v1/auth/verify-email", RequestKind.VERIFICATION),
            // The website's forms that do the same work.
            Map.entry("/login", RequestKind.LOGIN),
            Map.entry("/login/two-factor", RequestKind.MFA),
            Map.entry("/register", RequestKind.REGISTER),
            Map.entry("/forgot-password", RequestKind.PASSWORD_RESET),
            Map.entry("/reset-password", RequestKind.PASSWORD_RESET),
            Map.entry("/verify-email", RequestKind.VERIFICATION),
            Map.entry("/verify-email/resend", RequestKind.VERIFICATION));
    private static final String MFA = "/api/v1/auth/mfa/";
    /** Booking without an Authorization header (guest checkout): each one holds a room, so it has a tight limit of its own. */
    private static final String BOOKINGS = "/api/v1/bookings";
    /** The website's booking form: without an account in the web session it is a guest booking too, under the same limit. */
    private static final String SITE_BOOKING = "/book";
    /**
     * Served outside the controllers (actuator, API docs, their assets, the website's static files and the icon browsers
     * ask for by themselves): counted like the rest of the API.
     */
    private static final List<PathPattern> OUTSIDE_CONTROLLERS = Stream.of("/actuator", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/site/**", "/favicon.ico").map(PathPatternParser.defaultInstance::parse).toList();

    private final Supplier<Map<RequestMappingInfo, ?>> handlerMethods;
    private volatile List<PathPattern> controllerRoutes;

    /** @param handlerMethods the routes of Spring MVC's {@code RequestMappingHandlerMapping}, asked once, at the first request */
    RateLimitRoutes(Supplier<Map<RequestMappingInfo, ?>> handlerMethods) {
        this.handlerMethods = handlerMethods;
    }

    RequestKind kindOf(HttpServletRequest request) {
        PathContainer path;
        try {
            path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        } catch (IllegalArgumentException malformed) {
            return RequestKind.UNROUTED;
        }
        Optional<PathPattern> route = routes().stream().filter(pattern -> pattern.matches(path))
                .min(PathPattern.SPECIFICITY_COMPARATOR);
        if (route.isPresent()) {
            String pattern = route.get().getPatternString();
            if (pattern.startsWith(MFA)) {
                return RequestKind.MFA;
            }
            // Only the POST does the work; a browser's preflight (OPTIONS) must not use up a sign-up.
            if (!"POST".equals(request.getMethod())) {
                return RequestKind.API;
            }
            // Counted before the bearer is checked, so any Authorization header counts as the API's; one that does not
            // authenticate is then refused 401 by BearerTokenFilter, whatever the body, so it books nothing at the API's rate.
            if (pattern.equals(BOOKINGS) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                return RequestKind.GUEST_BOOKING;
            }
            if (pattern.equals(SITE_BOOKING) && !SiteSessions.holdsAccount(request)) {
                return RequestKind.GUEST_BOOKING;
            }
            return AUTH.getOrDefault(pattern, RequestKind.API);
        }
        return OUTSIDE_CONTROLLERS.stream().anyMatch(pattern -> pattern.matches(path)) ? RequestKind.API : RequestKind.UNROUTED;
    }

    private List<PathPattern> routes() {
        List<PathPattern> routes = controllerRoutes;
        if (routes == null) {
            routes = handlerMethods.get().keySet().stream().flatMap(RateLimitRoutes::patterns).distinct().toList();
            controllerRoutes = routes;
        }
        return routes;
    }

    private static Stream<PathPattern> patterns(RequestMappingInfo route) {
        if (route.getPathPatternsCondition() != null) {
            return route.getPathPatternsCondition().getPatterns().stream();
        }
        return route.getPatternValues().stream().map(PathPatternParser.defaultInstance::parse);
    }
}
