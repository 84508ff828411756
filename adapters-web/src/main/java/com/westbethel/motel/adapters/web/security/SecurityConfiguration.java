package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.identity.port.in.AuthenticateUseCase;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what, and how often. Stateless bearer tokens (no cookies, hence no CSRF token), security headers on
 * every response, CORS closed unless {@code motel.cors.allowed-origins} names the motel's own sites.
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

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticateUseCase authenticate, AdmitRequestUseCase admit,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mvc) throws Exception {
        http
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
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/validate-reset-token", "/api/v1/room-types", "/api/v1/availability",
                                "/api/v1/notifications/unsubscribe").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, GUEST_CHECKOUT_POSTS).access(anonymousOrGuestRole())
                        .requestMatchers(HttpMethod.GET, GUEST_CHECKOUT_GETS).access(anonymousOrGuestRole())
                        .requestMatchers("/api/v1/admin/bookings/**", "/api/v1/admin/audit").hasAnyRole("STAFF", "ADMIN")
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers(ACCOUNT_BASICS).authenticated()
                        .anyRequest().hasAnyRole("GUEST", "STAFF", "ADMIN"))
                .addFilterBefore(new RateLimitFilter(admit, new RateLimitRoutes(() -> mvc.getObject().getHandlerMethods())),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new BearerTokenFilter(authenticate), RateLimitFilter.class);
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> anonymousOrGuestRole() {
        return AuthorizationManagers.anyOf(AuthenticatedAuthorizationManager.anonymous(),
                AuthorityAuthorizationManager.hasAnyRole("GUEST", "STAFF", "ADMIN"));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${motel.cors.allowed-origins:}") List<String> allowedOrigins) {
        // Registered even with no origin allowed, so that a foreign preflight is refused outright (403).
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(allowedOrigins.stream().filter(origin -> !origin.isBlank()).toList());
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Booking-Token"));
        api.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", api);
        return source;
    }
}
