package com.westbethel.motel.application.booking.port.in;

/** Fills an empty system with the West Bethel Motel, for demos; a second run adds nothing. */
public interface SeedDemoDataUseCase {

    /** @return true when it seeded, false when the motel was already there */
    boolean seedDemoData();
}
