package com.westbethel.motel.load;

/**
 * Peak load, a booking surge (a long weekend's rates go on sale): 500 visitors arriving within 30 seconds and staying
 * 5 minutes, half of them booking and paying, the other half searching.
 */
public class PeakLoadSimulation extends PlateauSimulation {

    public PeakLoadSimulation() {
        super("peak load", 500, "5m", 50);
    }
}
