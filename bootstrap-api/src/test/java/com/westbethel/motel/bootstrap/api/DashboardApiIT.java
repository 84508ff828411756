package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.application.dashboard.port.in.RecordMetricSampleUseCase;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import com.westbethel.motel.domain.dashboard.Replica;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard of the real API: its figures move when requests are served and a booking is paid; this replica shows as
 * live; and turning scheduling on in the API started nothing but this replica's sampler.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardApiIT extends AbstractApiIT {

    @Autowired
    RecordMetricSampleUseCase sampler;

    @Autowired
    Replica replica;

    @Autowired
    List<ScheduledTaskHolder> scheduled;

    @Test
    void requests_served_show_as_this_replicas_rate_and_a_paid_booking_as_a_recent_booking_and_todays_revenue() {
        String admin = guests.adminAccessToken();
        JsonNode before = metrics(admin);

        sampler.recordSample();
        for (int i = 0; i < 30; i++) {
            assertThat(http.get("/api/v1/room-types").status()).isEqualTo(200);
        }
        String guest = guests.loggedInGuest("dashboard");
        PaidBookings.payForABooking(http, guest);
        String email = http.get("/api/v1/users/me", guest).json().path("email").asString();
        BigDecimal paid = jdbc.sql("""
                        SELECT p.amount FROM payments p JOIN bookings b ON b.id = p.booking_id JOIN users u ON u.id = b.guest_id
                        WHERE u.email = :email AND p.status = 'SUCCEEDED'
                        """).param("email", email).query(BigDecimal.class).single();
        // Two samples of one replica at one instant give no rate: sample again until they are apart.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            sampler.recordSample();
            return metrics(admin).path("requestsPerSecond").decimalValue().signum() > 0;
        });
        JsonNode after = metrics(admin);

        assertThat(after.path("requestsPerSecond").decimalValue()).isPositive();
        assertThat(after.path("averageResponseTimeMs").decimalValue()).isPositive();
        assertThat(after.path("errorRate").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(after.path("dbConnectionsActive").asInt()).isNotNegative();
        assertThat(after.path("recentBookings").asLong()).isEqualTo(before.path("recentBookings").asLong() + 1);
        assertThat(new BigDecimal(after.path("revenueToday").path("amount").asString())
                .subtract(new BigDecimal(before.path("revenueToday").path("amount").asString()))).isEqualByComparingTo(paid);
        assertThat(after.path("activeSessions").asLong()).isPositive();
        assertThat(after.path("activeUsers").asLong()).isPositive().isLessThanOrEqualTo(after.path("activeSessions").asLong());
        assertThat(after.path("replicas").findValuesAsString("name")).contains(replica.name());
        assertThat(after.path("series")).hasSize(60);
        long bookingsInSeries = 0;
        for (JsonNode minute : after.path("series")) {
            bookingsInSeries += minute.path("bookings").asLong();
        }
        assertThat(bookingsInSeries).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM metric_samples WHERE replica = :replica").param("replica", replica.id()).query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_only_schedule_the_api_runs_is_this_replicas_sampler() {
        Set<ScheduledTask> tasks = scheduled.stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .collect(Collectors.toSet());

        assertThat(tasks).extracting(task -> task.getTask().getRunnable().toString())
                .singleElement().asString().contains("DashboardSampler.recordSample");
    }

    @Test
    void guests_are_refused_and_staff_see_the_dashboard() {
        Reply guest = http.get("/api/v1/admin/dashboard/metrics", guests.loggedInGuest("nosy"));
        Reply anonymous = http.get("/api/v1/admin/dashboard/metrics");

        assertThat(guest.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private JsonNode metrics(String bearer) {
        Reply reply = http.get("/api/v1/admin/dashboard/metrics", bearer);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
