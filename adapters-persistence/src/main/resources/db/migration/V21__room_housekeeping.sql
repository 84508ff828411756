-- The staff console: each room's housekeeping status (a check-out leaves it DIRTY; housekeeping sets CLEAN, then
-- INSPECTED), and when it last changed (NULL: never since the room was added). Not a fact of availability: a dirty room
-- is still sold for tonight, it only cannot be handed over yet.
ALTER TABLE rooms
    ADD COLUMN housekeeping            varchar(10) NOT NULL DEFAULT 'CLEAN' CHECK (housekeeping IN ('CLEAN', 'DIRTY', 'INSPECTED')),
    ADD COLUMN housekeeping_changed_at timestamptz;

-- The front desk's day: departures are found by check-out day (arrivals already have bookings_property_dates), and the
-- guests in the house, few at any time, from a small index of the checked-in bookings only.
CREATE INDEX bookings_property_check_out ON bookings (property_id, check_out);
CREATE INDEX bookings_in_house ON bookings (property_id, check_out) WHERE status = 'CHECKED_IN';
