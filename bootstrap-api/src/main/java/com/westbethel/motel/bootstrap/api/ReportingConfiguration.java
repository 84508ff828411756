package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.adapters.persistence.reporting.JdbcBusinessPulse;
import com.westbethel.motel.adapters.persistence.reporting.JdbcMetricSamples;
import com.westbethel.motel.adapters.persistence.reporting.JdbcStayFacts;
import com.westbethel.motel.adapters.persistence.reporting.MicrometerProcessMeters;
import com.westbethel.motel.adapters.persistence.reporting.ReportingPersistenceConfiguration;
import com.westbethel.motel.application.dashboard.port.in.RecordMetricSampleUseCase;
import com.westbethel.motel.application.dashboard.port.in.ViewDashboardUseCase;
import com.westbethel.motel.application.dashboard.service.RecordMetricSampleService;
import com.westbethel.motel.application.dashboard.service.ViewDashboardService;
import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase;
import com.westbethel.motel.application.reporting.service.ReportOccupancyService;
import com.westbethel.motel.domain.dashboard.Replica;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the occupancy report and the live dashboard, both read straight from PostgreSQL (never the cache), and turns on
 * the API's only schedule: this replica's sampler, which writes its own meters into {@code metric_samples} every
 * {@code motel.dashboard.sample-interval} under a replica id of its own (docs/architecture.md, "The live dashboard across
 * replicas"). Nothing else in the API context carries {@code @Scheduled} (DashboardApiIT checks it); Spring Session's
 * expired-session cleanup runs on a scheduler of its own either way.
 */
@Configuration(proxyBeanMethods = false)
@Import(ReportingPersistenceConfiguration.class)
@EnableScheduling
class ReportingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReportingConfiguration.class);

    @Bean
    ReportOccupancyUseCase reportOccupancyService(JdbcInventory inventory, JdbcStayFacts facts, PlatformTransactionManager transactions) {
        return inTransactions(ReportOccupancyUseCase.class, new ReportOccupancyService(inventory, facts), transactions);
    }

    @Bean
    ViewDashboardUseCase viewDashboardService(JdbcMetricSamples samples, JdbcBusinessPulse pulse, JdbcInventory inventory, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(ViewDashboardUseCase.class, new ViewDashboardService(samples, pulse, inventory, clock), transactions);
    }

    /** This process, as the dashboard names it: a new id at every start, and the host name (a container's is its id). */
    @Bean
    Replica dashboardReplica(@Value("${motel.dashboard.replica-name:}") String name) {
        return Replica.started(name.isBlank() ? hostName() : name);
    }

    @Bean
    RecordMetricSampleUseCase recordMetricSampleService(MicrometerProcessMeters meters, JdbcMetricSamples samples, Replica replica, Clock clock,
            @Value("${motel.dashboard.sample-retention:2h}") Duration retention, PlatformTransactionManager transactions) {
        return inTransactions(RecordMetricSampleUseCase.class, new RecordMetricSampleService(meters, samples, replica, clock, retention), transactions);
    }

    @Bean
    DashboardSampler dashboardSampler(RecordMetricSampleUseCase sample) {
        return new DashboardSampler(sample);
    }

    /** The schedule itself. A failed sample (the database away) is logged and the next one tried on time. */
    record DashboardSampler(RecordMetricSampleUseCase sample) {

        @Scheduled(fixedRateString = "${motel.dashboard.sample-interval:10s}", initialDelayString = "${motel.dashboard.sample-initial-delay:0s}")
        void recordSample() {
            try {
                sample.recordSample();
            } catch (RuntimeException failed) {
                log.warn("Dashboard sample not recorded: {}", failed.getMessage());
            }
        }
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "api";
        }
    }
}
