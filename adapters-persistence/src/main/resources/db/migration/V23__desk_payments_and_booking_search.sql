-- Payments taken at the front desk (a walk-in pays in cash, or by card on the motel's own terminal): they never reach
-- the card processor, so they have no processor key or reference, and are recorded at once as SUCCEEDED. A refund of one
-- is given back at the desk, never through the processor: the method says which way the money goes back.
-- CARD: a card charged through the processor (every payment before this migration).
ALTER TABLE payments ADD COLUMN method varchar(12) NOT NULL DEFAULT 'CARD'
    CONSTRAINT payments_method_check CHECK (method IN ('CARD', 'CASH', 'CARD_PRESENT'));
ALTER TABLE payments ADD CONSTRAINT payments_desk_not_through_processor
    CHECK (method = 'CARD' OR (gateway_key IS NULL AND gateway_reference IS NULL AND status = 'SUCCEEDED'));

-- The front desk's booking search (GET /api/v1/admin/bookings?query=): a guest's email or name by prefix, case-insensitive.
-- text_pattern_ops so that LIKE 'prefix%' uses the index whatever the database's collation. The reference is found
-- exactly, through its unique index (references are stored upper-case).
CREATE INDEX bookings_guest_email_prefix ON bookings (lower(guest_email) text_pattern_ops);
CREATE INDEX bookings_guest_last_name_prefix ON bookings (lower(guest_last_name) text_pattern_ops);
CREATE INDEX bookings_guest_first_name_prefix ON bookings (lower(guest_first_name) text_pattern_ops);
