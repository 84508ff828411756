package com.westbethel.motel.application.throttling.port.out;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Token buckets by key: a bucket holds {@code capacity} tokens and refills them evenly over {@code period}. */
public interface RateLimitBuckets {

    Probe tryConsume(String key, Limit limit);

    record Limit(long capacity, Duration period) {

        public Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("a limit allows at least one request");
            }
            Objects.requireNonNull(period, "period");
        }

        /** Parses the configuration form {@code <requests>/<period>}, such as {@code 20/1m} or {@code 5/1h}. */
        public static Limit parse(String text) {
            String[] parts = text.strip().split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a rate limit reads like 20/1m, not " + text);
            }
            return new Limit(Long.parseLong(parts[0].strip()), Duration.parse("PT" + parts[1].strip().toUpperCase(Locale.ROOT)));
        }
    }

    record Probe(boolean consumed, Duration retryAfter) {
    }
}
