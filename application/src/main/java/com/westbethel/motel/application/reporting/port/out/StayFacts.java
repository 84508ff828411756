package com.westbethel.motel.application.reporting.port.out;

import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.reporting.ReportPeriod;
import com.westbethel.motel.domain.reporting.RetainedFee;
import com.westbethel.motel.domain.reporting.RoomNights;
import com.westbethel.motel.domain.reporting.SoldStay;
import java.util.List;

/** What the occupancy report counts, read straight from the system of record (never a cache: staff need the truth). */
public interface StayFacts {

    /**
     * Per night of the period and room type: the property's rooms of the type (by the room's type today), and how many of
     * them were closed or out of service that night (a room both closed and out counts once).
     */
    List<RoomNights> supply(PropertyId property, ReportPeriod period);

    /** The bookings in CONFIRMED, CHECKED_IN or CHECKED_OUT with a night in the period, each with all its nights. */
    List<SoldStay> soldStays(PropertyId property, ReportPeriod period);

    /** What CANCELLED and NO_SHOW bookings whose first night is in the period kept of a successful payment. */
    List<RetainedFee> retainedFees(PropertyId property, ReportPeriod period);
}
