package com.westbethel.motel.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.util.List;

/**
 * A run that brings its users in over a ramp, holds them for its duration, and passes when the spec's thresholds hold
 * over the whole run ({@link Thresholds}): the normal and the peak scenarios, which differ in users, duration and mix.
 */
abstract class PlateauSimulation extends Simulation {

    private final String name;
    private final LoadSettings settings;
    private final PhaseStatistics statistics;

    /**
     * @param bookingPercent the share of visitors who book and pay; the others only search
     */
    PlateauSimulation(String name, int defaultUsers, String defaultDuration, double bookingPercent) {
        this.name = name;
        this.settings = LoadSettings.read(defaultUsers, defaultDuration, "30s");
        this.statistics = new PhaseStatistics(List.of(settings.users() + " users"), Long.MAX_VALUE);
        MotelTraffic traffic = new MotelTraffic(settings, statistics);
        setUp(scenario("%s: %.0f%% book and pay".formatted(name, bookingPercent)).exec(traffic.visit(bookingPercent))
                .injectClosed(rampConcurrentUsers(0).to(settings.users()).during(settings.ramp()),
                        constantConcurrentUsers(settings.users()).during(settings.duration())))
                .protocols(traffic.protocol())
                .assertions(Thresholds.asAssertions());
    }

    @Override
    public void before() {
        System.out.println(name + ": " + settings);
        statistics.start();
    }

    @Override
    public void after() {
        statistics.print(System.out, name);
    }
}
