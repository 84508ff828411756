package com.westbethel.motel.adapters.persistence.observation;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * Observes the use cases and the SQL statements of a deployable that imports this; without an {@link ObservationRegistry}
 * and a {@link Tracer} (motel-admin) both are no-ops.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceObservationConfiguration {

    @Bean
    static UseCaseObservations useCaseObservations(ObjectProvider<ObservationRegistry> registry) {
        return new UseCaseObservations(once(registry));
    }

    @Bean
    static BeanPostProcessor observedDataSource(ObjectProvider<Tracer> tracer) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof ObservedDataSource)
                        ? new ObservedDataSource(pool, SingletonSupplier.of(() -> tracer.getIfAvailable(() -> Tracer.NOOP)))
                        : bean;
            }
        };
    }

    /** The registry, looked up at its first use (its handlers are beans that may need the data source) and then kept. */
    static Supplier<ObservationRegistry> once(ObjectProvider<ObservationRegistry> registry) {
        return SingletonSupplier.of(() -> registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
