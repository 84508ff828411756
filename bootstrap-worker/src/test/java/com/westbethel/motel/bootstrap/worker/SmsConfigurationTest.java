package com.westbethel.motel.bootstrap.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.messaging.sms.LoggingSmsSender;
import com.westbethel.motel.adapters.messaging.sms.TwilioSmsSender;
import com.westbethel.motel.application.notification.port.out.SmsSender;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SmsConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(SmsConfiguration.class);

    @Test
    void the_logging_provider_is_the_default() {
        context.run(started -> assertThat(started.getBean(SmsSender.class)).isInstanceOf(LoggingSmsSender.class));
    }

    @Test
    void twilio_is_used_when_configured() {
        context.withPropertyValues("motel.sms.provider=twilio", "motel.sms.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
                        "motel.sms.twilio.auth-token=secret", "motel.sms.twilio.from=+12075550100")
                .run(started -> assertThat(started.getBean(SmsSender.class)).isInstanceOf(TwilioSmsSender.class));
    }

    @Test
    void twilio_without_its_credentials_or_an_unknown_provider_stops_the_start() {
        context.withPropertyValues("motel.sms.provider=twilio").run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("motel.sms.provider=carrier-pigeon").run(started -> assertThat(started).hasFailed()
                .getFailure().hasStackTraceContaining("logging or twilio"));
    }
}
