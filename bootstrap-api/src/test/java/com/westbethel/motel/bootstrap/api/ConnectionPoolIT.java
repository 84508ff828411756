package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The API's pool as configured for production (application.yml): a fixed size, a short wait for a connection, leak
 * detection, and a request that finds every connection taken answers a clean 503 problem with Retry-After within
 * that wait, instead of queueing for Hikari's default 30 s or failing with a 500. The bean is the pool behind the SQL
 * observations' wrapper, so the test reaches Hikari the way Boot's pool metrics do: through {@code unwrap}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectionPoolIT extends AbstractApiIT {

    @Autowired
    DataSource bean;

    HikariDataSource dataSource;

    @BeforeEach
    void pool() throws SQLException {
        dataSource = bean.unwrap(HikariDataSource.class);
    }

    @Test
    void the_pool_is_fixed_in_size_fails_fast_and_reports_leaks() {
        assertThat(dataSource.getPoolName()).isEqualTo("motel-api");
        assertThat(dataSource.getMaximumPoolSize()).isEqualTo(10);
        assertThat(dataSource.getMinimumIdle()).isEqualTo(dataSource.getMaximumPoolSize());
        assertThat(Duration.ofMillis(dataSource.getConnectionTimeout())).isEqualTo(Duration.ofSeconds(3));
        assertThat(Duration.ofMillis(dataSource.getLeakDetectionThreshold())).isEqualTo(Duration.ofSeconds(10));
        assertThat(Duration.ofMillis(dataSource.getMaxLifetime())).isEqualTo(Duration.ofMinutes(30));
        assertThat(dataSource.getDataSourceProperties()).containsEntry("prepareThreshold", "5").containsEntry("preparedStatementCacheQueries", "256");
    }

    @Test
    void a_request_that_finds_every_connection_taken_answers_503_with_retry_after() throws SQLException {
        String guest = guests.loggedInGuest("starved");
        List<Connection> taken = new ArrayList<>();
        Reply starved;
        try {
            while (taken.size() < dataSource.getMaximumPoolSize()) {
                taken.add(dataSource.getConnection());
            }
            starved = http.send(http.request("/api/v1/bookings").header("Authorization", "Bearer " + guest).timeout(Duration.ofSeconds(10)).GET());
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        assertThat(starved.status()).as(starved.body()).isEqualTo(503);
        assertThat(starved.contentType()).startsWith("application/problem+json");
        assertThat(starved.json().path("type").asString()).isEqualTo("/problems/service-unavailable");
        assertThat(starved.header("Retry-After")).isNotBlank();
        assertThat(http.get("/api/v1/bookings", guest).status()).as("the pool serves again once connections come back").isEqualTo(200);
    }
}
