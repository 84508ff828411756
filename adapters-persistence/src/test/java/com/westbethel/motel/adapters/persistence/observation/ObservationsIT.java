package com.westbethel.motel.adapters.persistence.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.adapters.persistence.support.TransactionalUseCases;
import com.westbethel.motel.application.booking.port.in.PurgeIdempotencyKeysUseCase;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The use case and SQL spans on the real PostgreSQL, made by a real tracer (OpenTelemetry's SDK behind Micrometer Tracing,
 * as in the deployables) whose finished spans are recorded: a statement gets a span only inside a sampled span, named for
 * its verb, with its text and its failure; a use case gets one around its transaction, with its statements inside.
 */
class ObservationsIT {

    private static final AttributeKey<String> STATEMENT = AttributeKey.stringKey("db.statement");

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final AtomicBoolean sampling = new AtomicBoolean(true);
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(new Sampler() {
                @Override
                public io.opentelemetry.sdk.trace.samplers.SamplingResult shouldSample(Context parent, String traceId, String name,
                        SpanKind kind, io.opentelemetry.api.common.Attributes attributes, List<io.opentelemetry.sdk.trace.data.LinkData> links) {
                    return (sampling.get() ? Sampler.alwaysOn() : Sampler.alwaysOff()).shouldSample(parent, traceId, name, kind, attributes, links);
                }

                @Override
                public String getDescription() {
                    return "switchable";
                }
            }))
            .addSpanProcessor(new Recording())
            .build();
    private final OtelTracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> { });
    private final ObservationRegistry registry = ObservationRegistry.create();
    private final ObservedDataSource dataSource = new ObservedDataSource(TestDatabase.dataSource(TestDatabase.URL), () -> tracer);
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    {
        registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void a_statement_outside_any_span_has_none() {
        assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);

        assertThat(ended).isEmpty();
    }

    @Test
    void a_statement_of_a_trace_that_is_not_sampled_has_no_span() {
        sampling.set(false);
        Observation request = Observation.start("request", registry);
        try (Observation.Scope scope = request.openScope()) {
            assertThat(tracer.currentSpan()).as("there is a current span, not sampled").isNotNull();
            assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
        } finally {
            request.stop();
        }

        assertThat(ended).isEmpty();
    }

    @Test
    void each_statement_of_a_sampled_span_is_a_child_span_named_for_its_verb_with_its_text() {
        Observation request = Observation.start("request", registry);
        try (Observation.Scope scope = request.openScope()) {
            jdbc.sql("SELECT :n + 1").param("n", 41).query(Integer.class).single();
            jdbc.sql("\n   with answer AS (SELECT 42 AS n) SELECT n FROM answer").query(Integer.class).single();
        } finally {
            request.stop();
        }

        SpanData parent = only("request");
        List<SpanData> statements = ended.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertThat(statements).extracting(SpanData::getName).containsExactly("SELECT", "WITH");
        assertThat(statements.get(0).getAttributes().get(STATEMENT)).isEqualTo("SELECT ? + 1");
        assertThat(statements.get(1).getAttributes().get(AttributeKey.stringKey("db.operation"))).isEqualTo("WITH");
        assertThat(statements).allSatisfy(statement -> assertThat(statement.getParentSpanId()).isEqualTo(parent.getSpanId()));
    }

    @Test
    void a_failed_statement_has_a_span_with_its_error() {
        Observation request = Observation.start("request", registry);
        try (Observation.Scope scope = request.openScope()) {
            assertThatThrownBy(() -> jdbc.sql("SELECT * FROM no_such_table").query().listOfRows()).hasMessageContaining("no_such_table");
        } finally {
            request.stop();
        }

        assertThat(ended).filteredOn(span -> span.getKind() == SpanKind.CLIENT).singleElement()
                .satisfies(statement -> {
                    assertThat(statement.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
                    assertThat(statement.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
                });
    }

    @Test
    void the_proxies_are_equal_to_themselves_only_and_a_statement_leads_back_to_the_observed_connection() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Connection other = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            assertThat(connection).isEqualTo(connection).isNotEqualTo(other).hasSameHashCodeAs(connection);
            assertThat(connection.hashCode()).isEqualTo(System.identityHashCode(connection));
            assertThat(statement).isEqualTo(statement);
            assertThat(statement.getConnection()).isSameAs(connection);

            Observation request = Observation.start("request", registry);
            try (Observation.Scope scope = request.openScope()) {
                statement.getConnection().prepareStatement("SELECT 2").executeQuery().close();
            } finally {
                request.stop();
            }
        }

        assertThat(ended).filteredOn(span -> span.getKind() == SpanKind.CLIENT).singleElement()
                .satisfies(statement -> assertThat(statement.getAttributes().get(STATEMENT)).isEqualTo("SELECT 2"));
    }

    @Test
    void a_use_case_is_a_span_around_its_transaction_with_its_statements_inside() {
        PurgeIdempotencyKeysUseCase purge = TransactionalUseCases.inTransactions(PurgeIdempotencyKeysUseCase.class,
                () -> jdbc.sql("SELECT count(*) FROM pg_class WHERE false").query(Long.class).single(),
                new DataSourceTransactionManager(dataSource));
        new UseCaseObservations(() -> registry).postProcessAfterInitialization(purge, "purge");

        assertThat(purge.purgeIdempotencyKeys()).isZero();

        SpanData useCase = only("PurgeIdempotencyKeysUseCase.purgeIdempotencyKeys");
        assertThat(ended).filteredOn(span -> span.getKind() == SpanKind.CLIENT)
                .extracting(SpanData::getName).contains("SELECT");
        assertThat(ended).filteredOn(span -> span.getKind() == SpanKind.CLIENT)
                .allSatisfy(statement -> assertThat(statement.getParentSpanId()).isEqualTo(useCase.getSpanId()));
    }

    @Test
    void a_failing_use_case_is_a_span_with_its_error_and_anything_else_is_left_alone() {
        PurgeIdempotencyKeysUseCase failing = TransactionalUseCases.inTransactions(PurgeIdempotencyKeysUseCase.class, () -> {
            throw new IllegalStateException("refused");
        }, new DataSourceTransactionManager(dataSource));
        UseCaseObservations observations = new UseCaseObservations(() -> registry);
        observations.postProcessAfterInitialization(failing, "failing");
        Object plain = new Object();

        assertThatThrownBy(failing::purgeIdempotencyKeys).hasMessage("refused");
        assertThat(observations.postProcessAfterInitialization(plain, "plain")).isSameAs(plain);
        assertThat(only("PurgeIdempotencyKeysUseCase.purgeIdempotencyKeys").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    private SpanData only(String name) {
        return ended.stream().filter(span -> span.getName().equals(name)).reduce((first, second) -> {
            throw new AssertionError("two spans named " + name);
        }).orElseThrow(() -> new AssertionError("no span named " + name + " in " + ended));
    }

    private final class Recording implements SpanProcessor {

        @Override
        public void onStart(Context parent, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            if (span.getSpanContext().isSampled()) {
                ended.add(span.toSpanData());
            }
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
