package com.westbethel.motel.adapters.web.edge;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import java.util.regex.Pattern;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Keeps the token of a manage link (the website's {@code /manage/{token}...}) out of the HTTP server's observation, whose
 * {@code http.url} every sampled span records: whoever holds the token can see and cancel the booking, and a trace
 * collector is no place for it. The span's name and the metrics' {@code uri} already use the route's pattern; the URL is
 * recorded with {@code {token}} in its place. Query strings are never recorded (reset and verification links carry their
 * tokens there, and the URL attribute holds the path only).
 */
final class SecretPathsOutOfSpans implements ObservationFilter {

    private static final String URL = "http.url";
    private static final Pattern MANAGE_TOKEN = Pattern.compile("(/manage/)[^/]+");

    @Override
    public Observation.Context map(Observation.Context context) {
        if (context instanceof ServerRequestObservationContext) {
            KeyValue url = context.getHighCardinalityKeyValue(URL);
            if (url != null && url.getValue().contains("/manage/")) {
                context.addHighCardinalityKeyValue(KeyValue.of(URL, MANAGE_TOKEN.matcher(url.getValue()).replaceAll("$1{token}")));
            }
        }
        return context;
    }
}
