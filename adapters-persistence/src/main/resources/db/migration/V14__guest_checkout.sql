-- Guest checkout (issue 11): a booking may be made without an account. guest_id becomes the account the
-- booking belongs to, if any; the guest named on the booking (whom the front desk greets and the booking's
-- emails reach) is kept on the booking itself. A guest without an account manages the booking from a signed
-- link, and the account that later verifies the same address claims it (guest_id is then set).

ALTER TABLE bookings ALTER COLUMN guest_id DROP NOT NULL;
ALTER TABLE bookings
    ADD COLUMN guest_first_name varchar(100),
    ADD COLUMN guest_last_name  varchar(100),
    -- Lower-cased, like users.email. Nullable for the front desk's walk-ins, who may give none; every booking path today gives one.
    ADD COLUMN guest_email      varchar(254),
    ADD COLUMN guest_phone      varchar(32),
    -- How many times the unpaid hold was extended (capped by motel.booking.max-hold-extensions).
    ADD COLUMN hold_extensions  integer NOT NULL DEFAULT 0 CHECK (hold_extensions >= 0);

UPDATE bookings b SET guest_first_name = u.first_name, guest_last_name = u.last_name, guest_email = lower(u.email)
FROM users u WHERE u.id = b.guest_id;

ALTER TABLE bookings ALTER COLUMN guest_first_name SET NOT NULL, ALTER COLUMN guest_last_name SET NOT NULL;
-- Every booking can be traced to someone: an account, an address, or at least a name.
ALTER TABLE bookings ADD CONSTRAINT bookings_guest_known
    CHECK (guest_id IS NOT NULL OR guest_email IS NOT NULL OR guest_last_name <> '');
ALTER TABLE bookings ADD CONSTRAINT bookings_guest_email_lower_case CHECK (guest_email = lower(guest_email));
-- The per-guest cap of unpaid holds counts by address; verifying an address claims the bookings under it.
CREATE INDEX bookings_guest_email ON bookings (lower(guest_email));

-- When a payment's refund was given, for the booking's page (refunds before this migration: when their booking last changed).
ALTER TABLE payments ADD COLUMN refunded_at timestamptz;
UPDATE payments p SET refunded_at = b.updated_at FROM bookings b WHERE b.id = p.booking_id AND p.refunded > 0;

-- Per-guest promotion limits (V13) for guests without an account: their uses are counted by the booking's address.
-- A row counts an account's uses or an address's, never both; claiming a booking moves its use to the account
-- (JdbcBookings.claim), so that the trigger below gives it back to whichever row holds it.
ALTER TABLE promotion_redemptions DROP CONSTRAINT promotion_redemptions_pkey;
ALTER TABLE promotion_redemptions ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
ALTER TABLE promotion_redemptions ALTER COLUMN guest_id DROP NOT NULL;
ALTER TABLE promotion_redemptions ADD COLUMN guest_email varchar(254);
ALTER TABLE promotion_redemptions ADD CONSTRAINT promotion_redemptions_one_guest CHECK ((guest_id IS NULL) <> (guest_email IS NULL));
CREATE UNIQUE INDEX promotion_redemptions_account ON promotion_redemptions (promotion_id, guest_id) WHERE guest_id IS NOT NULL;
CREATE UNIQUE INDEX promotion_redemptions_email ON promotion_redemptions (promotion_id, guest_email) WHERE guest_email IS NOT NULL;

-- V13's trigger, keyed like the redemption: the account's row, or the address's when the booking has no account.
CREATE OR REPLACE FUNCTION bookings_give_back_promotion_use() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE promotions SET uses = greatest(uses - 1, 0) WHERE code = NEW.promotion_code;
    UPDATE promotion_redemptions r SET uses = greatest(r.uses - 1, 0)
    FROM promotions p
    WHERE p.code = NEW.promotion_code AND r.promotion_id = p.id
      AND CASE WHEN NEW.guest_id IS NOT NULL THEN r.guest_id = NEW.guest_id ELSE r.guest_email = NEW.guest_email END;
    RETURN NEW;
END;
$$;
