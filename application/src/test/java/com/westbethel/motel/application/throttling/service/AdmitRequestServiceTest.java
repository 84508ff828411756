package com.westbethel.motel.application.throttling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase.RequestKind;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets.Limit;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets.Probe;
import com.westbethel.motel.domain.shared.ClientAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmitRequestServiceTest {

    /** A bucket per key that never refills: enough to count what the throttle asks for. */
    private final Map<String, Long> used = new HashMap<>();
    private final RateLimitBuckets buckets = (key, limit) -> {
        long count = used.merge(key, 1L, Long::sum);
        return count <= limit.capacity() ? new Probe(true, Duration.ZERO) : new Probe(false, limit.period());
    };
    private final AdmitRequestService throttle = new AdmitRequestService(buckets,
            Map.of(RequestKind.LOGIN, Limit.parse("3/1m")), Map.of(RequestKind.LOGIN, Limit.parse("2/1m")));

    @Test
    void requests_beyond_the_limit_of_one_address_are_refused_with_the_wait() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admitFromAddress(RequestKind.LOGIN, address("192.0.2.1")).admitted()).isTrue();
        }

        var refused = throttle.admitFromAddress(RequestKind.LOGIN, address("192.0.2.1"));

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.admitFromAddress(RequestKind.LOGIN, address("192.0.2.2")).admitted()).isTrue();
    }

    @Test
    void an_account_is_counted_per_address_whatever_the_case_of_its_email() {
        throttle.admitForAccount(RequestKind.LOGIN, address("192.0.2.1"), "Anna@Example.com");
        throttle.admitForAccount(RequestKind.LOGIN, address("192.0.2.1"), "anna@example.com ");

        assertThat(throttle.admitForAccount(RequestKind.LOGIN, address("192.0.2.1"), "ANNA@EXAMPLE.COM").admitted()).isFalse();
        assertThat(throttle.admitForAccount(RequestKind.LOGIN, address("198.51.100.1"), "anna@example.com").admitted())
                .as("another address cannot use up the owner's allowance").isTrue();
    }

    @Test
    void a_changed_limit_starts_a_fresh_bucket() {
        for (int i = 0; i < 3; i++) {
            throttle.admitFromAddress(RequestKind.LOGIN, address("192.0.2.1"));
        }
        AdmitRequestService reconfigured = new AdmitRequestService(buckets, Map.of(RequestKind.LOGIN, Limit.parse("5/1m")), Map.of());

        assertThat(reconfigured.admitFromAddress(RequestKind.LOGIN, address("192.0.2.1")).admitted()).isTrue();
    }

    @Test
    void a_kind_without_a_limit_is_always_admitted() {
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.admitFromAddress(RequestKind.API, address("192.0.2.1")).admitted()).isTrue();
        }
        assertThat(used).isEmpty();
    }

    @Test // Finding 1
    void an_ipv6_client_is_counted_by_its_slash_64_so_fresh_addresses_from_it_do_not_get_fresh_buckets() {
        for (int i = 1; i <= 3; i++) {
            assertThat(throttle.admitFromAddress(RequestKind.LOGIN, address("2001:db8:7:1::" + i)).admitted()).isTrue();
        }

        assertThat(throttle.admitFromAddress(RequestKind.LOGIN, address("2001:db8:7:1:ffff::4")).admitted()).isFalse();
        assertThat(throttle.admitFromAddress(RequestKind.LOGIN, address("2001:db8:7:2::1")).admitted()).as("another /64").isTrue();
    }

    @Test // Finding 1
    void an_ipv4_mapped_address_is_counted_with_the_ipv4_address() {
        for (int i = 0; i < 3; i++) {
            throttle.admitFromAddress(RequestKind.LOGIN, address("192.0.2.9"));
        }

        assertThat(throttle.admitFromAddress(RequestKind.LOGIN, address("::ffff:192.0.2.9")).admitted()).isFalse();
    }

    private static ClientAddress address(String literal) {
        return ClientAddress.parse(literal).orElseThrow();
    }

    @Test
    void limits_read_as_requests_per_period() {
        assertThat(Limit.parse("20/1m")).isEqualTo(new Limit(20, Duration.ofMinutes(1)));
        assertThat(Limit.parse(" 5 / 1h ")).isEqualTo(new Limit(5, Duration.ofHours(1)));
        assertThatThrownBy(() -> Limit.parse("lots")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20/1m");
        assertThatThrownBy(() -> Limit.parse("0/1m")).isInstanceOf(IllegalArgumentException.class);
    }
}
