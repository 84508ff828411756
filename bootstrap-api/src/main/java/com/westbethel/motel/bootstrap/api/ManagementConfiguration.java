package com.westbethel.motel.bootstrap.api;

import com.westbethel.motel.adapters.persistence.operations.MemoryHealthConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Actuator lives on the management port ({@code management.server.port}, 8081), bound to loopback by default
 * ({@code management.server.address}), never on the public port. Boot runs the management server as a child context
 * behind the same Spring Security filter, so its paths need a chain of their own, ahead of the API's:
 *
 * <ul>
 *   <li>on the management port they are the endpoints (health, probes, Prometheus), open without a token: only this host
 *       (or, when an operator binds it wider for Kubernetes probes, the cluster's internal network) can reach the port;</li>
 *   <li>on the public port nothing is mapped under {@code /actuator}, so every caller, with a token or without, gets the
 *       same 404 problem as for any unknown address (rather than a 401 hinting that something is there).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Import(MemoryHealthConfiguration.class)
class ManagementConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, Environment environment) throws Exception {
        requireSeparateManagementPort(environment);
        return http
                .securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * The chain above opens actuator without a token because it is reachable only on the management port. Served on the
     * public port (management port unset, or the same as {@code server.port}), health details and Prometheus would be
     * public: refuse to start instead.
     */
    static void requireSeparateManagementPort(Environment environment) {
        String management = environment.getProperty("management.server.port");
        String server = environment.getProperty("server.port", "8080");
        boolean random = "0".equals(management) && "0".equals(server);
        if (management == null || management.isBlank() || (management.trim().equals(server.trim()) && !random)) {
            throw new IllegalStateException("Actuator must not share the public port: set MANAGEMENT_SERVER_PORT to a port other than "
                    + "SERVER_PORT (" + server + "), or -1 to turn actuator off.");
        }
    }
}
