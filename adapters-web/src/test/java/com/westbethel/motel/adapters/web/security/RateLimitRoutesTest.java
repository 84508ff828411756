package com.westbethel.motel.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase.RequestKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

// Finding 2 of issue 10: the bucket comes from the route a request reaches, not from its raw URI.
class RateLimitRoutesTest {

    private static final RequestMappingInfo.BuilderConfiguration PATH_PATTERNS = new RequestMappingInfo.BuilderConfiguration();

    static {
        PATH_PATTERNS.setPatternParser(PathPatternParser.defaultInstance);
    }

    private final RateLimitRoutes routes = new RateLimitRoutes(() -> {
        Map<RequestMappingInfo, Object> mvc = new LinkedHashMap<>();
        Stream.of("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/forgot-password", "/api/v1/auth/mfa/verify",
                        "/api/v1/bookings", "/api/v1/bookings/{id}", "/api/v1/room-types", "/login", "/login/two-factor", "/forgot-password", "/book")
                .forEach(path -> mvc.put(RequestMappingInfo.paths(path).options(PATH_PATTERNS).build(), "handler"));
        return mvc;
    });

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/auth/register, REGISTER",
            "POST, /%61pi/v1/auth/register, REGISTER",
            "POST, /api/v1/auth/%72egister, REGISTER",
            "POST, /%61%70%69/%761/%61uth/%72%65gister, REGISTER",
            "POST, /api/v1/auth/register;jsessionid=1, REGISTER",
            "OPTIONS, /api/v1/auth/register, API",
            "POST, /api/v1/%61uth/login, LOGIN",
            "POST, /api/v1/auth/forgot%2Dpassword, PASSWORD_RESET",
            "POST, /api/v1/auth/mfa/%76erify, MFA",
            "GET, /api/v1/bookings/42, API",
            "GET, /%61pi/v1/room-types, API",
            "GET, /actuator/health/readiness, API",
            "GET, /v3/api-docs, API",
            "GET, /api/v1/no-such-thing, UNROUTED",
            "POST, /API/v1/auth/register, UNROUTED",
            "GET, /, UNROUTED",
            // The website's forms count against the same limits as the API's endpoints; its pages and files as the API.
            "POST, /login, LOGIN",
            "POST, /%6Cogin, LOGIN",
            "POST, /login/two-factor, MFA",
            "POST, /forgot-password, PASSWORD_RESET",
            "GET, /login, API",
            "GET, /site/site-0123456789abcdef0123456789abcdef.css, API",
            "GET, /favicon.ico, API"})
    void a_request_counts_against_the_limit_of_the_route_it_reaches(String method, String uri, RequestKind expected) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);

        assertThat(routes.kindOf(request)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/bookings, GUEST_BOOKING",
            "POST, /%61pi/v1/bookings, GUEST_BOOKING",
            "GET, /api/v1/bookings, API",
            "OPTIONS, /api/v1/bookings, API"})
    void a_booking_without_an_authorization_header_counts_against_the_guest_booking_limit(String method, String uri, RequestKind expected) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);

        assertThat(routes.kindOf(request)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /book, false, GUEST_BOOKING",
            "POST, /%62ook, false, GUEST_BOOKING",
            "POST, /book, true, API",
            "GET, /book, false, API"})
    void the_websites_booking_form_without_an_account_counts_against_the_guest_booking_limit(String method, String uri, boolean loggedIn,
            RequestKind expected) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        if (loggedIn) {
            request.getSession(true).setAttribute(SiteSessions.TOKENS, new SiteSessions.SealedTokens("access", "refresh"));
        }

        assertThat(routes.kindOf(request)).isEqualTo(expected);
    }

    /**
     * Any Authorization header, genuine or not, is counted as the API's: the route cannot tell a valid bearer from a made-up
     * one. A made-up one does not escape the guest-booking limit through this, because BearerTokenFilter refuses it 401
     * before anything is booked (GuestCheckoutApiIT, RouteRateLimitIT).
     */
    @ParameterizedTest
    @CsvSource({"Bearer abc", "Bearer", "x", "Basic dXNlcjpwYXNz"})
    void a_booking_with_any_authorization_header_counts_as_the_apis_and_is_left_to_the_bearer_check(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/bookings");
        request.addHeader("Authorization", authorization);

        assertThat(routes.kindOf(request)).isEqualTo(RequestKind.API);
    }
}
