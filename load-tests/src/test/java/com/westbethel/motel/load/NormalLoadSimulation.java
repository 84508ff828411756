package com.westbethel.motel.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.util.List;

/**
 * Normal load: 100 visitors at once for 10 minutes, 80% of them searching, 20% searching then booking and paying.
 * Passes when the spec's thresholds hold over the whole run ({@link Thresholds}).
 */
public class NormalLoadSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.read(100, "10m", "30s");
    private final PhaseStatistics statistics = new PhaseStatistics(List.of(settings.users() + " users"), Long.MAX_VALUE);

    {
        MotelTraffic traffic = new MotelTraffic(settings, statistics);
        setUp(scenario("normal: 80% search, 20% book and pay").exec(traffic.visit(20))
                .injectClosed(rampConcurrentUsers(0).to(settings.users()).during(settings.ramp()),
                        constantConcurrentUsers(settings.users()).during(settings.duration())))
                .protocols(traffic.protocol())
                .assertions(Thresholds.asAssertions());
    }

    @Override
    public void before() {
        System.out.println("normal load: " + settings);
        statistics.start();
    }

    @Override
    public void after() {
        statistics.print(System.out, "normal load");
    }
}
