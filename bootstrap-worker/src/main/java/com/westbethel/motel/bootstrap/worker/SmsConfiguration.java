package com.westbethel.motel.bootstrap.worker;

import com.westbethel.motel.adapters.messaging.sms.LoggingSmsSender;
import com.westbethel.motel.adapters.messaging.sms.TwilioSmsSender;
import com.westbethel.motel.application.notification.port.out.SmsSender;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS route (spec section 2.4): infrastructure for now, as no notification is sent by SMS yet. The
 * default provider only logs; {@code motel.sms.provider=twilio} sends through Twilio's HTTP API and then
 * requires its account SID, auth token and sending number (a missing one stops the start-up).
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsSender smsSender(@Value("${motel.sms.provider:logging}") String provider, @Value("${motel.sms.twilio.account-sid:}") String accountSid,
            @Value("${motel.sms.twilio.auth-token:}") String authToken, @Value("${motel.sms.twilio.from:}") String from,
            @Value("${motel.sms.twilio.base-uri:https://api.twilio.com}") URI baseUri, ObjectProvider<ObservationRegistry> observations) {
        if (provider.equals("logging")) {
            return new LoggingSmsSender();
        }
        if (!provider.equals("twilio")) {
            throw new IllegalStateException("motel.sms.provider is logging or twilio, not " + provider);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new TwilioSmsSender(client, new TwilioSmsSender.TwilioSettings(baseUri, accountSid, authToken, from),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
