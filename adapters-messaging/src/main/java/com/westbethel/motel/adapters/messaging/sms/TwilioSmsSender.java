package com.westbethel.motel.adapters.messaging.sms;

import com.westbethel.motel.application.notification.port.out.SmsDeliveryException;
import com.westbethel.motel.application.notification.port.out.SmsMessage;
import com.westbethel.motel.application.notification.port.out.SmsSender;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends text messages through Twilio's Messages resource
 * ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded, HTTP Basic with the account
 * SID and auth token). Any status outside 2xx, and any I/O fault, becomes an
 * {@link SmsDeliveryException}; the auth token never reaches a log line or an exception message. Each send is a
 * {@code twilio send} span.
 */
public final class TwilioSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(TwilioSmsSender.class);

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How much of a refusal's response body goes into the exception message. */
    static final int MAX_ERROR_BODY = 300;

    /** The observation of each message sent: a span, and a timer by outcome. */
    public static final String NAME = "motel.sms.twilio";

    private final HttpClient client;
    private final TwilioSettings settings;
    private final URI messagesUri;
    private final String authorization;
    private final ObservationRegistry observations;

    public TwilioSmsSender(HttpClient client, TwilioSettings settings) {
        this(client, settings, ObservationRegistry.NOOP);
    }

    public TwilioSmsSender(HttpClient client, TwilioSettings settings, ObservationRegistry observations) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        String base = settings.baseUri().toString().replaceAll("/+$", "");
        this.messagesUri = URI.create(base + "/2010-04-01/Accounts/" + settings.accountSid() + "/Messages.json");
        String credentials = settings.accountSid() + ":" + settings.authToken();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(SmsMessage message) {
        Observation.createNotStarted(NAME, observations).contextualName("twilio send").observe(() -> sendNow(message));
    }

    private void sendNow(SmsMessage message) {
        HttpResponse<String> response;
        try {
            response = client.send(request(message), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SmsDeliveryException("SMS request to Twilio failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException("interrupted while sending an SMS through Twilio", e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new SmsDeliveryException("Twilio refused the SMS with HTTP " + status + ": " + truncate(response.body()));
        }
        log.debug("SMS to {} accepted by Twilio (HTTP {})", LoggingSmsSender.mask(message.to()), status);
    }

    HttpRequest request(SmsMessage message) {
        return HttpRequest.newBuilder(messagesUri)
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(settings.from(), message), StandardCharsets.UTF_8))
                .build();
    }

    /** {@code To=…&From=…&Body=…}, each value form-encoded as UTF-8 (so {@code +} becomes {@code %2B}). */
    static String formBody(String from, SmsMessage message) {
        return "To=" + encode(message.to()) + "&From=" + encode(from) + "&Body=" + encode(message.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String truncate(String body) {
        if (body == null || body.isEmpty()) {
            return "(empty body)";
        }
        return body.length() <= MAX_ERROR_BODY ? body : body.substring(0, MAX_ERROR_BODY) + "…";
    }

    /**
     * Where and as whom to reach Twilio.
     *
     * @param baseUri the API's root, {@value #DEFAULT_BASE_URI} outside tests
     * @param accountSid the account SID, letters and digits only since it is part of the path
     * @param authToken the secret paired with the SID; hidden from {@link #toString()}
     * @param from the sending number in E.164 form
     */
    public record TwilioSettings(URI baseUri, String accountSid, String authToken, String from) {

        public static final String DEFAULT_BASE_URI = "https://api.twilio.com";

        private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");

        public TwilioSettings {
            Objects.requireNonNull(baseUri, "baseUri");
            if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
                throw new IllegalArgumentException("Twilio base URI must be absolute, such as " + DEFAULT_BASE_URI);
            }
            requireNonBlank(accountSid, "accountSid");
            if (!SID.matcher(accountSid).matches()) {
                throw new IllegalArgumentException("Twilio accountSid must be letters and digits only");
            }
            requireNonBlank(authToken, "authToken");
            requireNonBlank(from, "from");
            if (!SmsMessage.isE164(from)) {
                throw new IllegalArgumentException("Twilio from must be an E.164 number such as +15551234567");
            }
        }

        /** Settings for Twilio's public API at {@value #DEFAULT_BASE_URI}. */
        public TwilioSettings(String accountSid, String authToken, String from) {
            this(URI.create(DEFAULT_BASE_URI), accountSid, authToken, from);
        }

        private static void requireNonBlank(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Twilio " + name + " must not be blank");
            }
        }

        @Override
        public String toString() {
            return "TwilioSettings[baseUri=" + baseUri + ", accountSid=" + accountSid + ", authToken=****, from=" + from + "]";
        }
    }
}
