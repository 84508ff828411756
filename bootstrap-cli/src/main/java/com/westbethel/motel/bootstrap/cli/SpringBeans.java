package com.westbethel.motel.bootstrap.cli;

import java.lang.reflect.Constructor;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine;

/**
 * Picocli's factory for motel-admin's commands. A command that needs the adapters takes a
 * {@code SpringBeans} in its constructor and asks it for use cases when it runs; the Spring context
 * starts on that first request, never for parsing, {@code --help} or {@code --version}.
 */
class SpringBeans implements CommandLine.IFactory, AutoCloseable {

    private final Map<String, Object> settings;
    private ConfigurableApplicationContext context;

    SpringBeans(Map<String, Object> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(SpringBeans.class);
            return constructor.newInstance(this);
        } catch (NoSuchMethodException noAdaptersNeeded) {
            return CommandLine.defaultFactory().create(type);
        }
    }

    <T> T get(Class<T> type) {
        if (context == null) {
            context = new SpringApplicationBuilder(CliConfiguration.class)
                    .initializers(starting -> starting.getEnvironment().getPropertySources()
                            .addFirst(new MapPropertySource("motel-admin-settings", settings)))
                    .run();
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
