package com.westbethel.motel.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Stress: the normal mix (80% search, 20% book and pay) in steps of 100 more visitors up to 1,000, each step a ramp
 * ({@code load.ramp}, 10 s) then a plateau ({@code load.duration}, 1 minute), until a step misses the spec's thresholds:
 * that step is the breaking point. The run then stops (unless {@code -Dload.stopAtBreakingPoint=false}) and prints each
 * step's figures and the breaking point. It asserts nothing: breaking is what it is for.
 *
 * <p>{@code load.users} is the last step's users; {@code load.steps} how many steps lead there (10).
 */
public class StressSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.read(1_000, "60s", "10s");
    private final int steps = Integer.getInteger("load.steps", 10);
    private final boolean stopAtBreakingPoint = Boolean.parseBoolean(System.getProperty("load.stopAtBreakingPoint", "true"));
    private final PhaseStatistics statistics = new PhaseStatistics(labels(), settings.ramp().plus(settings.duration()).toMillis());

    {
        MotelTraffic traffic = new MotelTraffic(settings, statistics);
        setUp(scenario("stress: steps to " + settings.users() + " users")
                .exec(traffic.visit(20))
                .exec(stopLoadGeneratorIf(session -> "breaking point reached: " + statistics.breakingPointLabel(),
                        session -> stopAtBreakingPoint && statistics.breakingPoint().isPresent()))
                .injectClosed(stairs()))
                .protocols(traffic.protocol());
    }

    private int usersAt(int step) {
        return settings.users() * step / steps;
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            labels.add(usersAt(step) + " users");
        }
        return labels;
    }

    /** Each step: a ramp from the previous step's users, then a plateau, so that step n's phase is n × (ramp + plateau). */
    private List<ClosedInjectionStep> stairs() {
        List<ClosedInjectionStep> stairs = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            stairs.add(rampConcurrentUsers(usersAt(step - 1)).to(usersAt(step)).during(settings.ramp()));
            stairs.add(constantConcurrentUsers(usersAt(step)).during(settings.duration()));
        }
        return stairs;
    }

    @Override
    public void before() {
        System.out.println("stress: " + settings + ", " + steps + " steps");
        statistics.start();
    }

    @Override
    public void after() {
        statistics.print(System.out, "stress, step by step");
    }
}
