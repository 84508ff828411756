package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.identity.port.in.AuthenticateUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshSharedTokensUseCase;
import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, and how often, in two filter chains. The JSON API ({@link PageRequests#API_PATHS}): stateless bearer
 * tokens (no cookies, hence no CSRF token), CORS closed unless {@code motel.cors.allowed-origins} names the motel's own
 * sites. The website (every other path): server-side sessions (Spring Session JDBC) holding the account's tokens, a CSRF
 * token on every form, a content security policy without inline scripts. Security headers on every response of both.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    private static final String[] PUBLIC_POSTS = {
        "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/verify-email",
        "/api/v1/auth/resend-verification", "/api/v1/auth/forgot-password", "/api/v1/auth/reset-password",
        // The reset token in the body, never in a URL (a GET of the same path, still let through, answers 405).
        "/api/v1/auth/validate-reset-token",
        // The second login step carries its own proof (the mfaToken); with a bearer it confirms a set-up.
        "/api/v1/auth/mfa/verify",
        // One-click unsubscribe (RFC 8058): the signed token in the link is the proof, no login.
        "/api/v1/notifications/unsubscribe"
    };

    /**
     * Guest checkout (issue 11): a booking made without an account, and that booking's own operations, which its holder
     * proves with the Booking-Token header of its manage link (checked by the controller, like the guest's details).
     * Anyone without a bearer gets in; a bearer still needs a role, as everywhere else.
     */
    private static final String[] GUEST_CHECKOUT_POSTS = {
        "/api/v1/bookings", "/api/v1/bookings/*/payments", "/api/v1/bookings/*/cancel", "/api/v1/bookings/*/extend-hold"
    };
    private static final String[] GUEST_CHECKOUT_GETS = {"/api/v1/bookings/*", "/api/v1/bookings/*/cancellation-quote"};

    /** What a token without any role (an admin who has yet to enrol in MFA) may still reach. */
    private static final String[] ACCOUNT_BASICS = {
        "/api/v1/auth/mfa/**", "/api/v1/auth/logout", "/api/v1/auth/logout-all", "/api/v1/users/me", "/api/v1/users/me/sessions/**",
        "/api/v1/users/me/login-history"
    };

    /**
     * The website's open pages; {@code /account/**} needs a login, and any other path is a 404 page for everyone, whether
     * or not a controller serves it ({@link SitePages#unlisted()}): a page added without a line here stays unreachable
     * rather than open. The booking pages check their holder themselves (the account, or the manage link's token).
     */
    private static final String[] SITE_PAGES = {
        "/", "/book", "/bookings/**", "/manage/**", "/login/**", "/logout", "/register/**", "/verify-email/**", "/forgot-password/**",
        "/reset-password/**", "/unsubscribe", "/site/**", "/favicon.ico", "/error"
    };

    /** The website's policy: its own scripts, styles and images only (QR codes are data: images); no inline script. */
    static final String SITE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** After {@code OpenApiConfiguration}'s chain for the API's documentation (order 1). */
    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticateUseCase authenticate, AdmitRequestUseCase admit,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mvc) throws Exception {
        http
                .securityMatcher(PageRequests.API_PATHS)
                .csrf(csrf -> csrf.disable())
                .cors(cors -> { })
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { })
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, PUBLIC_POSTS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/validate-reset-token", "/api/v1/room-types", "/api/v1/room-types/*/photo",
                                "/api/v1/availability", "/api/v1/notifications/unsubscribe").permitAll()
                        .requestMatchers(HttpMethod.POST, GUEST_CHECKOUT_POSTS).access(anonymousOrGuestRole())
                        .requestMatchers(HttpMethod.GET, GUEST_CHECKOUT_GETS).access(anonymousOrGuestRole())
                        .requestMatchers("/api/v1/admin/bookings/**", "/api/v1/admin/audit").hasAnyRole("STAFF", "ADMIN")
                        .requestMatchers("/api/v1/admin/reports/**", "/api/v1/admin/dashboard/**").hasAnyRole("STAFF", "ADMIN")
                        // The front desk console's tape chart (its walk-ins and search are /admin/bookings, which the rule above covers).
                        .requestMatchers("/api/v1/admin/tape-chart").hasAnyRole("STAFF", "ADMIN")
                        // The staff console: the front desk's day and the rooms' housekeeping.
                        .requestMatchers("/api/v1/admin/front-desk/**", "/api/v1/admin/housekeeping", "/api/v1/admin/rooms/*/housekeeping")
                        .hasAnyRole("STAFF", "ADMIN")
                        // The staff console's inventory: room types (and their photos), rooms and closures, rate plans, promotions.
                        .requestMatchers("/api/v1/admin/room-types", "/api/v1/admin/room-types/**", "/api/v1/admin/rooms", "/api/v1/admin/rooms/**",
                                "/api/v1/admin/rate-plans", "/api/v1/admin/rate-plans/**", "/api/v1/admin/promotions", "/api/v1/admin/promotions/**")
                        .hasAnyRole("STAFF", "ADMIN")
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers(ACCOUNT_BASICS).authenticated()
                        .anyRequest().hasAnyRole("GUEST", "STAFF", "ADMIN"))
                .addFilterBefore(new RateLimitFilter(admit, new RateLimitRoutes(() -> mvc.getObject().getHandlerMethods())),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new BearerTokenFilter(authenticate), RateLimitFilter.class);
        return http.build();
    }

    /**
     * Everything that is not the API: the guest website. A session is made when a page needs one (a form's CSRF token, a
     * login); the security context is never stored in it (only the token pair is, see {@link SiteSessions}), and is rebuilt
     * on each request by {@link SessionTokenFilter}. Pages under {@code /account} need an account and send a visitor to the
     * login page; the staff console's pages under {@code /staff} need a member of staff or an admin; the pages of
     * {@link #SITE_PAGES} are open; any other path is a 404 page. The one-click unsubscribe POST (RFC 8058) comes from a mail provider without a
     * session: its signed token is its proof, as on the API.
     */
    @Bean
    @Order(3)
    SecurityFilterChain siteSecurity(HttpSecurity http, AuthenticateUseCase authenticate, RefreshSharedTokensUseCase refresh, AdmitRequestUseCase admit,
            SiteSessions siteSessions, @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mvc) throws Exception {
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        csrfTokens.setSessionAttributeName(SiteSessions.CSRF_TOKEN);
        SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
        http
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/unsubscribe"),
                                PathPatternRequestMatcher.withDefaults().matcher("/error"), logOutWithoutAccount()))
                // Same-origin pages: no cross-origin reads to allow.
                .cors(cors -> cors.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .securityContext(context -> context.securityContextRepository(contexts))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SITE_POLICY))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        // Manage and reset links carry their token in the URL: never sent on to another page or site.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(SitePages.logInFirst())
                        .accessDeniedHandler(SitePages.forbidden()))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/account", "/account/**").authenticated()
                        // The staff console: an anonymous visitor logs in first; a guest, or staff not yet enrolled in
                        // two-factor login (a token without roles), gets the 403 page (SitePages.forbidden says which).
                        // Its admin screens (users, the email queue and templates, the audit log): admins only.
                        .requestMatchers("/staff/admin", "/staff/admin/**").hasRole("ADMIN")
                        .requestMatchers("/staff", "/staff/**").hasAnyRole("STAFF", "ADMIN")
                        .requestMatchers(SITE_PAGES).permitAll()
                        .anyRequest().access(SitePages.unlisted()))
                .addFilterBefore(new RateLimitFilter(admit, new RateLimitRoutes(() -> mvc.getObject().getHandlerMethods())),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionTokenFilter(authenticate, refresh, contexts, siteSessions), RateLimitFilter.class);
        return http.build();
    }

    /** The website's hold on the account tokens, sealed with {@code cipher} (the MFA encryption key). */
    @Bean
    SiteSessions siteSessions(SecretCipher cipher) {
        return new SiteSessions(cipher);
    }

    private static AuthorizationManager<RequestAuthorizationContext> anonymousOrGuestRole() {
        return AuthorizationManagers.anyOf(AuthenticatedAuthorizationManager.anonymous(),
                AuthorityAuthorizationManager.hasAnyRole("GUEST", "STAFF", "ADMIN"));
    }

    /**
     * {@code POST /logout} from a web session that holds no account (it expired, or ended elsewhere, while the page stayed
     * open): there is nothing to log out, and the logout page changes nothing then, so it needs no CSRF token and the
     * visitor lands on the login page instead of "this form has expired". A session that holds an account still needs
     * the token: nobody else's page can log a visitor out.
     */
    private static RequestMatcher logOutWithoutAccount() {
        RequestMatcher logOut = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/logout");
        return request -> logOut.matches(request) && !SiteSessions.holdsAccount(request);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${motel.cors.allowed-origins:}") List<String> allowedOrigins) {
        // Registered even with no origin allowed, so that a foreign preflight is refused outright (403).
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList());
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Booking-Token", "X-Request-Id"));
        // The request id every answer carries (RequestIdFilter), readable by the front end that reports a problem.
        api.setExposedHeaders(List.of("X-Request-Id"));
        api.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", api);
        return source;
    }
}
