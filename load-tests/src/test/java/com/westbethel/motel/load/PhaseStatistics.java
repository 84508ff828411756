package com.westbethel.motel.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every request's outcome, counted per phase of a run (the stress scenario's steps; one phase for the others): how many,
 * how fast (a 1 ms histogram up to a minute), how many 409s and how many failures. Gatling's report holds the same requests
 * over the whole run; this says which step broke the thresholds first, the breaking point, and prints it when the run ends.
 */
final class PhaseStatistics {

    private static final int MAX_MILLIS = 60_000;

    private final List<Phase> phases = new ArrayList<>();
    private final long phaseMillis;
    private volatile long startedAt;
    private volatile int judgedUpTo;
    private volatile OptionalInt breakingPhase = OptionalInt.empty();

    /**
     * @param labels      each phase's name, in order (for the stress scenario, its number of users)
     * @param phaseMillis how long each phase lasts; requests after the last phase's end count in the last
     */
    PhaseStatistics(List<String> labels, long phaseMillis) {
        labels.forEach(label -> phases.add(new Phase(label)));
        this.phaseMillis = phaseMillis;
    }

    void start() {
        startedAt = System.currentTimeMillis();
    }

    /** The phase the run is in now. */
    int currentPhase() {
        long elapsed = System.currentTimeMillis() - startedAt;
        return (int) Math.min(phases.size() - 1, elapsed / phaseMillis);
    }

    void record(int phase, int status, long millis, boolean expected) {
        Phase counted = phases.get(phase);
        counted.requests.increment();
        counted.latencies.incrementAndGet((int) Math.min(MAX_MILLIS, Math.max(0, millis)));
        if (status == 409) {
            counted.conflicts.increment();
        }
        if (!expected) {
            counted.errors.increment();
        }
    }

    /** The first finished phase that missed the thresholds, once the run has moved past it. */
    OptionalInt breakingPoint() {
        int current = currentPhase();
        if (breakingPhase.isEmpty() && judgedUpTo < current) {
            synchronized (this) {
                for (int phase = judgedUpTo; phase < current && breakingPhase.isEmpty(); phase++) {
                    if (!phases.get(phase).metThresholds()) {
                        breakingPhase = OptionalInt.of(phase);
                    }
                }
                judgedUpTo = current;
            }
        }
        return breakingPhase;
    }

    String breakingPointLabel() {
        OptionalInt phase = breakingPoint();
        return phase.isPresent() ? phases.get(phase.getAsInt()).label : "none yet";
    }

    void print(PrintStream out, String title) {
        out.println();
        out.println("== " + title + " (p95 < " + Thresholds.P95_MILLIS + " ms, p99 < " + Thresholds.P99_MILLIS + " ms, errors < "
                + Thresholds.ERROR_PERCENT + "%; 409 counts as answered)");
        out.printf("%-14s %9s %8s %8s %8s %8s %7s %9s  %s%n", "phase", "requests", "p50 ms", "p95 ms", "p99 ms", "max ms", "409", "errors %",
                "thresholds");
        OptionalInt firstMiss = OptionalInt.empty();
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            if (phase.requests.sum() == 0) {
                continue;
            }
            boolean met = phase.metThresholds();
            if (!met && firstMiss.isEmpty()) {
                firstMiss = OptionalInt.of(i);
            }
            out.printf("%-14s %9d %8d %8d %8d %8d %7d %9.3f  %s%n", phase.label, phase.requests.sum(), phase.percentile(50),
                    phase.percentile(95), phase.percentile(99), phase.percentile(100), phase.conflicts.sum(), phase.errorPercent(),
                    met ? "met" : "MISSED");
        }
        if (phases.size() > 1) {
            out.println(firstMiss.isPresent() ? "breaking point: " + phases.get(firstMiss.getAsInt()).label
                    : "breaking point: not reached (every step met the thresholds)");
        }
    }

    private static final class Phase {

        private final String label;
        private final LongAdder requests = new LongAdder();
        private final LongAdder conflicts = new LongAdder();
        private final LongAdder errors = new LongAdder();
        private final AtomicLongArray latencies = new AtomicLongArray(MAX_MILLIS + 1);

        Phase(String label) {
            this.label = label;
        }

        boolean metThresholds() {
            return Thresholds.met(percentile(95), percentile(99), errorPercent());
        }

        double errorPercent() {
            long all = requests.sum();
            return all == 0 ? 0 : 100.0 * errors.sum() / all;
        }

        long percentile(double percent) {
            long all = requests.sum();
            long wanted = (long) Math.ceil(all * percent / 100.0);
            long seen = 0;
            for (int millis = 0; millis <= MAX_MILLIS; millis++) {
                seen += latencies.get(millis);
                if (seen >= wanted && seen > 0) {
                    return millis;
                }
            }
            return MAX_MILLIS;
        }
    }
}
