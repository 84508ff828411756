package com.westbethel.motel.adapters.persistence.booking;

import com.westbethel.motel.domain.inventory.PropertyId;
import java.time.LocalDate;

/**
 * What the booking area's SQL writers changed, told by {@link JdbcBookings}, {@link JdbcInventory} and
 * {@link JdbcInventoryEdits} (the staff console's changes and removals) as they write, so
 * that copies of the inventory kept elsewhere (the two-level cache) can drop what the change made stale once it commits.
 * Every write that changes what is free or what it costs passes through those classes, whoever calls them (the API's
 * use cases, the worker's hold expiry, the demo data): this is the one place that hears them all.
 */
public interface InventoryChanges {

    /** Nobody keeps copies (motel-admin, adapter tests). */
    InventoryChanges NONE = new InventoryChanges() {
        @Override
        public void nightsChanged(PropertyId property, LocalDate from, LocalDate until) {
        }

        @Override
        public void roomsChanged() {
        }

        @Override
        public void roomTypesChanged() {
        }

        @Override
        public void ratePlansChanged() {
        }

        @Override
        public void propertiesChanged() {
        }

        @Override
        public void promotionChanged(String code) {
        }
    };

    /** A booking took, kept or let go of a room, or a closure began, for the nights from {@code from} up to {@code until}. */
    void nightsChanged(PropertyId property, LocalDate from, LocalDate until);

    /** A room was added, or went out of or back into service: every night may change. */
    void roomsChanged();

    void roomTypesChanged();

    void ratePlansChanged();

    void propertiesChanged();

    /** @param code the promotion's code as stored (normalised) */
    void promotionChanged(String code);
}
