package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Account pace review, finding 1 (High), at the edge and against PostgreSQL: the account pace (ASVS 2.2.1, at most
 * 100 failures an hour per account) must hold for tries sent at once from many addresses, not only for tries sent
 * one after another. This client plays the trusted proxy (as in {@link TrustedProxyIT}),
 * forwarding a fresh client address per try, so that no address or address-and-account lockout is ever reached.
 * Passwords are hashed at production's cost here: the race lives in the quarter second bcrypt takes, which the
 * test profile's cheap hashing would all but close.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "motel.security.bcrypt-strength=12")
class AccountPaceIT extends AbstractApiIT {

    /** The default {@code motel.identity.account-free-failures}; the spacing after them is 1 h / (100 - 10) = 40 s. */
    private static final int FREE_FAILURES = 10;
    private static final int SENT_AT_ONCE = 30;

    ExecutorService clients;
    /** Fresh addresses in 100.64.0.0/10, a block no other test plays. */
    private final AtomicInteger nextAddress = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 20));

    @BeforeEach
    void startClients() {
        clients = Executors.newFixedThreadPool(SENT_AT_ONCE);
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test // Account pace review, finding 1 (High)
    void thirty_wrong_logins_sent_at_once_past_the_free_failures_get_a_single_turn() throws Exception {
        // An unknown account is paced like a known one, so that the pace reveals nothing; no user is needed.
        String email = "paced-" + Integer.toHexString(nextAddress.get()) + "@example.com";
        for (int i = 0; i < FREE_FAILURES - 1; i++) {
            assertThat(guests.failedLogInFrom(freshAddress(), email).status()).as("free failure " + (i + 1)).isEqualTo(401);
        }

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> sent = new ArrayList<>();
        for (int i = 0; i < SENT_AT_ONCE; i++) {
            String address = freshAddress();
            sent.add(clients.submit(() -> {
                assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                return guests.failedLogInFrom(address, email);
            }));
        }
        go.countDown();
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> reply : sent) {
            replies.add(reply.get(60, TimeUnit.SECONDS));
        }

        // The whole burst takes far less than one 40 s spacing, so exactly one try may be checked.
        assertThat(replies).filteredOn(reply -> reply.status() == 401).as("admitted and checked").hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 429).as("told to wait their turn").hasSize(SENT_AT_ONCE - 1)
                .allSatisfy(reply -> {
                    assertThat(reply.body()).contains("login-locked");
                    // One spacing, rounded up to whole seconds; a try that read the clock a moment before the turn's
                    // claimant did is told up to a second more.
                    assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, 41L);
                });
    }

    private String freshAddress() {
        int n = nextAddress.getAndIncrement() & ((1 << 22) - 1);
        return "100." + (64 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }
}
