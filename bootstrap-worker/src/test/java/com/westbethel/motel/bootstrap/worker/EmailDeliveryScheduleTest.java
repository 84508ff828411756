package com.westbethel.motel.bootstrap.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.port.in.DeliverEmailsUseCase;
import com.westbethel.motel.application.notification.port.in.DeliverEmailsUseCase.DeliveryReport;
import com.westbethel.motel.bootstrap.worker.EmailDeliveryConfiguration.DeliverySchedule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One turn of the delivery job: how long it goes on draining a backlog, and when it stops early. */
class EmailDeliveryScheduleTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Outbox outbox = new Outbox();

    @Test
    void a_backlog_is_drained_over_several_turns_each_ending_after_the_longest_run() {
        outbox.batches(Collections.nCopies(100, new DeliveryReport(50, 0, 0)), Duration.ofSeconds(8));
        DeliverySchedule schedule = schedule(Duration.ofSeconds(30));

        schedule.deliverEmails();

        assertThat(outbox.batchesTaken).as("8 s a batch: the fourth starts at 24 s, and at 32 s the turn ends").isEqualTo(4);
        assertThat(meters.counter("motel.email.sent").count()).isEqualTo(200);
        schedule.deliverEmails();
        assertThat(outbox.batchesTaken).as("the next turn goes on with the backlog").isEqualTo(8);
    }

    @Test
    void a_turn_stops_when_the_outbox_is_empty_or_a_send_failed() {
        outbox.batches(List.of(new DeliveryReport(50, 0, 0), new DeliveryReport(3, 0, 0), new DeliveryReport(0, 0, 0),
                new DeliveryReport(7, 0, 0)), Duration.ofSeconds(1));
        DeliverySchedule schedule = schedule(Duration.ofSeconds(30));

        schedule.deliverEmails();
        assertThat(outbox.batchesTaken).as("until a batch claims nothing").isEqualTo(3);

        outbox.batches(List.of(new DeliveryReport(40, 10, 0), new DeliveryReport(50, 0, 0)), Duration.ofSeconds(1));
        schedule.deliverEmails();
        assertThat(outbox.batchesTaken).as("a failing route waits for the next turn").isEqualTo(1);
        assertThat(meters.counter("motel.email.failed", "outcome", "retrying").count()).isEqualTo(10);
    }

    private DeliverySchedule schedule(Duration maxRun) {
        return new DeliverySchedule(outbox, meters.counter("motel.email.sent"), meters.counter("motel.email.failed", "outcome", "retrying"),
                meters.counter("motel.email.failed", "outcome", "dead"), maxRun, outbox.clock);
    }

    /** The outbox's answers, batch by batch, each taking the given time on the clock. */
    private static final class Outbox implements DeliverEmailsUseCase {

        private final MovingClock clock = new MovingClock();
        private final Deque<DeliveryReport> reports = new ArrayDeque<>();
        private Duration eachTakes = Duration.ZERO;
        private int batchesTaken;

        void batches(List<DeliveryReport> answers, Duration each) {
            reports.clear();
            reports.addAll(answers);
            eachTakes = each;
            batchesTaken = 0;
        }

        @Override
        public DeliveryReport deliverBatch() {
            batchesTaken++;
            clock.now = clock.now.plus(eachTakes);
            return reports.isEmpty() ? new DeliveryReport(0, 0, 0) : reports.removeFirst();
        }
    }

    private static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2027-06-01T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
