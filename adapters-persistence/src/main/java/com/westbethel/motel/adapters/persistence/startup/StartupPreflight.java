package com.westbethel.motel.adapters.persistence.startup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Checks, before any bean is created, that the required secrets are configured and that PostgreSQL
 * answers. Without it an unreachable database surfaces as a connection pool's stack trace from deep
 * inside the migration step; with it the operator reads what was tried and how to fix it.
 *
 * <p>Secrets are listed in {@code motel.required-secrets} (property names; the production profile
 * lists them). {@code motel.startup.check-database=false} skips the database probe.
 */
public class StartupPreflight implements ApplicationListener<ApplicationPreparedEvent> {

    static final String HOW_TO_START = "Start it with scripts/services.sh (development machines), "
            + "or point SPRING_DATASOURCE_URL at a running server.";

    private static final int PROBE_TIMEOUT_SECONDS = 5;

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        requireSecrets(environment);
        if (environment.getProperty("motel.startup.check-database", Boolean.class, true)) {
            probeDatabase(environment);
        }
    }

    static void requireSecrets(Environment environment) {
        List<String> required = List.of(environment.getProperty("motel.required-secrets", String[].class, new String[0]));
        for (String property : required) {
            String value = environment.getProperty(property.trim());
            if (value == null || value.isBlank()) {
                throw new StartupPreconditionException(
                        "Missing required secret '%s'.".formatted(property.trim()),
                        "Set the environment variable %s (or the property %s).".formatted(environmentVariable(property.trim()), property.trim()),
                        null);
            }
        }
    }

    static void probeDatabase(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        Properties properties = new Properties();
        setIfPresent(properties, "user", environment.getProperty("spring.datasource.username"));
        setIfPresent(properties, "password", environment.getProperty("spring.datasource.password"));
        properties.setProperty("connectTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        try (Connection ignored = DriverManager.getConnection(url, properties)) {
            // Reaching the server and logging in is the whole check.
        } catch (SQLException e) {
            throw new StartupPreconditionException(
                    "PostgreSQL is not reachable at %s: %s.".formatted(withoutParameters(url), StartupPreconditionException.rootCauseInOneLine(e)),
                    HOW_TO_START, e);
        }
    }

    /** Spring Boot's relaxed binding: dots become underscores, dashes go, all upper case. */
    static String environmentVariable(String property) {
        return property.replace('.', '_').replace("-", "").replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
    }

    private static String withoutParameters(String url) {
        String address = url.substring("jdbc:postgresql:".length());
        int query = address.indexOf('?');
        address = query < 0 ? address : address.substring(0, query);
        return address.startsWith("//") ? address.substring(2) : address;
    }

    private static void setIfPresent(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }
}
