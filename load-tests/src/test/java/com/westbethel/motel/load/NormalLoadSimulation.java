package com.westbethel.motel.load;

/** Normal load: 100 visitors at once for 10 minutes, 80% of them searching, 20% searching then booking and paying. */
public class NormalLoadSimulation extends PlateauSimulation {

    public NormalLoadSimulation() {
        super("normal load", 100, "10m", 20);
    }
}
