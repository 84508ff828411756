package com.westbethel.motel.adapters.persistence.payment;

import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.service.PaymentSettings;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The card processor as the API and the worker both use it: the sandbox behind the client timeout, and the payment settings
 * ({@code motel.payment.gateway-timeout}, {@code motel.payment.recovery-after}), the same in both; a deployable imports this.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentGatewayConfiguration {

    @Bean
    PaymentSettings paymentSettings(@Value("${motel.payment.gateway-timeout:20s}") Duration gatewayTimeout,
            @Value("${motel.payment.recovery-after:2m}") Duration recoveryAfter) {
        return new PaymentSettings(gatewayTimeout, recoveryAfter);
    }

    @Bean
    PaymentGateway paymentGateway(DataSource dataSource, PaymentSettings settings, ObjectProvider<ObservationRegistry> observations) {
        return new TimeLimitedPaymentGateway(new SandboxPaymentGateway(dataSource), settings.gatewayTimeout(),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
