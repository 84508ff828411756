package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.Guests.randomAddress;
import static com.westbethel.motel.bootstrap.api.Guests.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Finding 1 of issue 10, behind a trusted proxy: the test profile trusts loopback as the proxy
 * ({@code server.tomcat.remoteip.internal-proxies}), so this client plays a proxy that forwards
 * {@code X-Forwarded-For} chains. The client address is the rightmost hop that is not a trusted proxy,
 * and a hop that is not an IP literal is never a key. Every test plays fresh addresses, so runs never
 * share buckets. The limits are those of {@link RouteRateLimitIT}, which shares this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motel.rate-limit.per-address.login=5/1m",
        "motel.rate-limit.per-address.register=10/1h",
        "motel.rate-limit.per-address.password-reset=3/1h",
        "motel.rate-limit.per-address.unrouted=3/1h",
        "motel.rate-limit.per-address.guest-booking=3/1h"})
class TrustedProxyIT extends AbstractApiIT {

    @Test
    void the_rightmost_hop_that_is_not_a_trusted_proxy_is_the_client() {
        String client = randomAddress();
        String email = uniqueEmail("proxy");

        guests.failedLogInFrom("203.0.113.66, " + client + ", 127.0.0.1", email);

        assertThat(lastAddressSeenFor(email)).isEqualTo(client);
    }

    @Test
    void a_client_writing_its_own_x_forwarded_for_values_is_still_counted_by_the_address_the_proxy_saw() {
        String client = randomAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(guests.failedLogInFrom(randomAddress() + ", " + client, uniqueEmail("proxy")).status()).isEqualTo(401);
        }

        assertThat(guests.failedLogInFrom(randomAddress() + ", " + client, uniqueEmail("proxy")).status()).isEqualTo(429);
        assertThat(guests.failedLogInFrom(client + ", " + randomAddress(), uniqueEmail("proxy")).status()).as("another client").isEqualTo(401);
    }

    @Test
    void a_hop_that_is_not_an_ip_literal_is_never_a_key() {
        String email = uniqueEmail("proxy");

        guests.failedLogInFrom(randomAddress() + ", not-an-address-" + UUID.randomUUID(), email);
        assertThat(lastAddressSeenFor(email)).isEqualTo("unknown");

        // A fresh malformed value per request shares one bucket, so it buys no fresh allowance.
        Reply last = null;
        for (int i = 0; i < 6; i++) {
            last = guests.failedLogInFrom("junk-" + UUID.randomUUID(), uniqueEmail("proxy"));
        }
        assertThat(last.status()).isEqualTo(429);
    }

    @Test
    void an_ipv6_client_is_counted_by_its_slash_64() {
        String prefix = "2001:db8:%x:%x".formatted(ThreadLocalRandom.current().nextInt(0x10000), ThreadLocalRandom.current().nextInt(0x10000));
        for (int i = 1; i <= 5; i++) {
            assertThat(guests.failedLogInFrom(prefix + "::" + Integer.toHexString(i), uniqueEmail("proxy")).status()).isEqualTo(401);
        }

        assertThat(guests.failedLogInFrom(prefix + ":abcd::99", uniqueEmail("proxy")).status()).as("a fresh address in the same /64").isEqualTo(429);
        String email = uniqueEmail("proxy");
        guests.failedLogInFrom("::ffff:" + randomAddress(), email);
        assertThat(lastAddressSeenFor(email)).as("IPv4-mapped is IPv4").doesNotContain(":");
    }

    @Test
    void x_forwarded_proto_https_from_the_trusted_proxy_makes_the_request_secure() {
        Reply overTls = http.send(http.request("/api/v1/room-types").header("X-Forwarded-For", randomAddress())
                .header("X-Forwarded-Proto", "https").GET());
        Reply plain = http.send(http.request("/api/v1/room-types").header("X-Forwarded-For", randomAddress()).GET());

        assertThat(overTls.status()).isEqualTo(200);
        assertThat(overTls.header("Strict-Transport-Security")).as("HSTS is sent on secure requests only").contains("max-age=");
        assertThat(plain.header("Strict-Transport-Security")).isNull();
    }

    private String lastAddressSeenFor(String email) {
        return jdbc.sql("SELECT ip_address FROM security_events WHERE email = :email ORDER BY id DESC LIMIT 1")
                .param("email", email).query(String.class).single();
    }
}
