package com.westbethel.motel.bootstrap.api;

import com.westbethel.motel.adapters.persistence.throttling.Bucket4jRateLimitBuckets;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase.RequestKind;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets.Limit;
import com.westbethel.motel.application.throttling.service.AdmitRequestService;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Wires the rate limits ({@code motel.rate-limit.*}) to Bucket4j buckets in Redis. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThrottlingConfiguration.RateLimitProperties.class)
class ThrottlingConfiguration {

    /**
     * @param enabled false admits everything (for a load test, say)
     * @param perAddress limits per client address by request kind ({@code login: 20/1m})
     * @param perAccount limits per account by request kind
     */
    @ConfigurationProperties("motel.rate-limit")
    record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, String> perAddress, Map<String, String> perAccount) {
    }

    @Bean(destroyMethod = "close")
    Bucket4jRateLimitBuckets rateLimitBuckets(LettuceConnectionFactory redis, Clock clock) {
        return new Bucket4jRateLimitBuckets(() -> (RedisClient) redis.getNativeClient(), clock);
    }

    @Bean
    AdmitRequestService requestThrottle(Bucket4jRateLimitBuckets buckets, RateLimitProperties properties) {
        if (!properties.enabled()) {
            return new AdmitRequestService(buckets, Map.of(), Map.of());
        }
        return new AdmitRequestService(buckets, limits(properties.perAddress()), limits(properties.perAccount()));
    }

    private static Map<RequestKind, Limit> limits(Map<String, String> configured) {
        Map<RequestKind, Limit> limits = new EnumMap<>(RequestKind.class);
        if (configured != null) {
            configured.forEach((kind, limit) -> limits.put(kind(kind), Limit.parse(limit)));
        }
        return limits;
    }

    private static RequestKind kind(String name) {
        try {
            return RequestKind.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("motel.rate-limit: unknown request kind '%s'; known kinds: api, login, register, "
                    .formatted(name) + "password-reset, verification, mfa, guest-booking, unrouted");
        }
    }
}
