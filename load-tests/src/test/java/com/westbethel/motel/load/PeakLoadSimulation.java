package com.westbethel.motel.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.util.List;

/**
 * Peak load, a booking surge (a long weekend's rates go on sale): 500 visitors arriving within 30 seconds and staying
 * 5 minutes, half of them booking and paying, the other half searching. Passes when the spec's thresholds hold over
 * the whole run ({@link Thresholds}).
 */
public class PeakLoadSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.read(500, "5m", "30s");
    private final PhaseStatistics statistics = new PhaseStatistics(List.of(settings.users() + " users"), Long.MAX_VALUE);

    {
        MotelTraffic traffic = new MotelTraffic(settings, statistics);
        setUp(scenario("peak: booking surge, 50% book and pay").exec(traffic.visit(50))
                .injectClosed(rampConcurrentUsers(0).to(settings.users()).during(settings.ramp()),
                        constantConcurrentUsers(settings.users()).during(settings.duration())))
                .protocols(traffic.protocol())
                .assertions(Thresholds.asAssertions());
    }

    @Override
    public void before() {
        System.out.println("peak load: " + settings);
        statistics.start();
    }

    @Override
    public void after() {
        statistics.print(System.out, "peak load");
    }
}
