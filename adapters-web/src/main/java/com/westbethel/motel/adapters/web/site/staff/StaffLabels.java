package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;

/**
 * The console's words for the statuses it shows; templates call it as {@code ${@staffLabels.of(status)}} (in {@code th:text}:
 * Thymeleaf refuses bean references in other attributes).
 */
public final class StaffLabels {

    public String of(HousekeepingStatus status) {
        return switch (status) {
            case CLEAN -> "Clean";
            case DIRTY -> "Dirty";
            case INSPECTED -> "Inspected";
        };
    }

    public String of(BookingStatus status) {
        return switch (status) {
            case PENDING_PAYMENT -> "Awaiting payment";
            case CONFIRMED -> "Confirmed";
            case CHECKED_IN -> "Checked in";
            case CHECKED_OUT -> "Checked out";
            case CANCELLED -> "Cancelled";
            case NO_SHOW -> "No-show";
        };
    }
}
