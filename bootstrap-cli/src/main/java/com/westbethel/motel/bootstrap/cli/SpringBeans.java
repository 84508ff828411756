package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.adapters.persistence.operations.FlywaySchemaMigrations;
import java.io.PrintWriter;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine;

/**
 * Picocli's factory for motel-admin's commands. A command that needs the adapters is an {@link AdminCommand}:
 * the factory hands it this {@code SpringBeans}, which it asks for use cases when it runs; the Spring context
 * starts on that first request, never for parsing, {@code --help} or {@code --version}.
 */
class SpringBeans implements CommandLine.IFactory, AutoCloseable {

    private final Map<String, Object> settings;
    private final PrintWriter err;
    private ConfigurableApplicationContext context;

    SpringBeans(Map<String, Object> settings, PrintWriter err) {
        this.settings = Map.copyOf(settings);
        this.err = err;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K created = CommandLine.defaultFactory().create(type);
        if (created instanceof AdminCommand command) {
            command.beans = this;
        }
        return created;
    }

    <T> T get(Class<T> type) {
        if (context == null) {
            context = new SpringApplicationBuilder(CliConfiguration.class)
                    .initializers(starting -> starting.getEnvironment().getPropertySources()
                            .addFirst(new MapPropertySource("motel-admin-settings", settings)))
                    .run();
            // Where this acts, before it does: on standard error, so that --json output stays clean.
            Environment environment = context.getEnvironment();
            err.printf("motel-admin: database %s, Redis %s:%s%n",
                    FlywaySchemaMigrations.withoutCredentials(environment.getProperty("spring.datasource.url", "?")),
                    environment.getProperty("spring.data.redis.host", "localhost"), environment.getProperty("spring.data.redis.port", "6379"));
        }
        return context.getBean(type);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
