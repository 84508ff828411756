package com.westbethel.motel.adapters.web.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API's OpenAPI 3 document at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}. The
 * UI is a page with scripts and styles, so its paths get their own, page-friendly security headers;
 * the API keeps {@code default-src 'none'}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI motelApi() {
        return new OpenAPI()
                .info(new Info().title("West Bethel Motel booking API").version("v1")
                        .license(new License().name("Proprietary: West Bethel Motel"))
                        .description("Search, book and pay for stays; accounts, sessions and two-factor login; the front desk. "
                                + "Errors are RFC 9457 application/problem+json with a type per kind of refusal."))
                .servers(List.of(new Server().url("/").description("This server")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("The accessToken from POST /api/v1/auth/login (or /auth/mfa/verify), valid for 15 minutes. An "
                                        + "Authorization header that does not authenticate (expired, revoked, forged, another scheme) is a 401 on "
                                        + "every operation, the open ones included: it is never served as an anonymous call"))
                        .addSecuritySchemes("bookingToken", new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                .name("Booking-Token")
                                .description("The manageToken of a booking made without an account (POST /api/v1/bookings with guest details, "
                                        + "and the manage link in its emails): opens that one booking until the day after check-out")))
                .tags(List.of(
                        tag("Identity", "Accounts, logins, tokens, email verification and password reset"),
                        tag("MFA", "Two-factor login with an authenticator app and backup codes"),
                        tag("Account", "The caller's own account, password, sessions and login history"),
                        tag("Availability", "What the motel offers and what is free for a stay"),
                        tag("Bookings", "A guest's bookings and payments"),
                        tag("Loyalty", "Points and tier"),
                        tag("Notifications", "What a guest receives, and the one-click unsubscribe link"),
                        tag("Front desk", "Arrivals, departures, no-shows, room moves and the audit history (staff and admins)"),
                        tag("Inventory", "Room types, rooms, closures, rate plans and promotion codes (admins)"),
                        tag("Admin: tokens", "Revoking access tokens (admins)"),
                        tag("Admin: email templates", "The email templates, previews and edits (admins)"),
                        tag("Admin: users", "Accounts: search, lock and unlock, the staff and admin roles (admins)"),
                        tag("Admin: email queue", "The outgoing email: status, dead emails (recipients masked), sending one again (admins)"),
                        tag("Admin: audit log", "The audit log's chain verification and newest entries (admins)"),
                        tag("Reports", "The occupancy report and the live dashboard's figures (staff and admins)")));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    /** Lock, problem answers and nullability, applied to every operation in one place. */
    @Bean
    OpenApiCustomizer motelApiConventions() {
        return new ApiConventions();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiDocumentation(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")))
                .build();
    }
}
