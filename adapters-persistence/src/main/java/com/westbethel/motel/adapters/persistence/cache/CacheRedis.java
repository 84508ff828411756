package com.westbethel.motel.adapters.persistence.cache;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The cache's own connections to the Redis the application is configured for, with a command timeout of their own: a
 * cache lookup is worth a few milliseconds, so a slow Redis costs a request at most this long before the cache marks it
 * down and serves from memory, while rate limits and revocations keep Redis's usual timeout. TCP keep-alive is on, so
 * that the invalidation channel's connection, idle for long stretches, is not silently dropped by a firewall. A Sentinel
 * or cluster set-up keeps the application's connections as they are.
 */
public final class CacheRedis implements AutoCloseable {

    private final LettuceConnectionFactory factory;
    private final boolean own;

    private CacheRedis(LettuceConnectionFactory factory, boolean own) {
        this.factory = factory;
        this.own = own;
    }

    static CacheRedis from(LettuceConnectionFactory application, Duration commandTimeout) {
        if (application.isRedisSentinelAware() || application.isClusterAware()) {
            return new CacheRedis(application, false);
        }
        LettuceClientConfiguration configured = application.getClientConfiguration();
        ClientOptions options = configured.getClientOptions().orElseGet(ClientOptions::create);
        LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
                .commandTimeout(commandTimeout)
                .clientOptions(options.mutate().socketOptions(options.getSocketOptions().mutate().keepAlive(true).build()).build());
        configured.getClientName().ifPresent(client::clientName);
        if (configured.isUseSsl()) {
            client.useSsl();
        }
        LettuceConnectionFactory factory = new LettuceConnectionFactory(application.getStandaloneConfiguration(), client.build());
        factory.afterPropertiesSet();
        factory.start();
        return new CacheRedis(factory, true);
    }

    LettuceConnectionFactory factory() {
        return factory;
    }

    StringRedisTemplate template() {
        return new StringRedisTemplate(factory);
    }

    @Override
    public void close() {
        if (own) {
            factory.destroy();
        }
    }
}
