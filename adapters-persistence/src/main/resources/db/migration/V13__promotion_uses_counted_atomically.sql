-- Promotion uses are counted where they are stored (issue 10, finding 7): a booking takes a use with one
-- conditional UPDATE (the code's usage limit) and one conditional upsert (the guest's limit), so the limits
-- hold however many bookings redeem a code at once, instead of counting bookings read earlier.

ALTER TABLE promotions ADD COLUMN uses integer NOT NULL DEFAULT 0 CHECK (uses >= 0);

-- One row per code and guest who used it: the primary key makes "once per guest" a database rule.
CREATE TABLE promotion_redemptions (
    promotion_id uuid    NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
    guest_id     uuid    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    uses         integer NOT NULL CHECK (uses >= 0),
    PRIMARY KEY (promotion_id, guest_id)
);

-- What is in use today: bookings holding their room with a code (cancelled and no-show bookings gave theirs back).
UPDATE promotions p SET uses = counted.uses
FROM (SELECT promotion_code, count(*) AS uses FROM bookings
      WHERE promotion_code IS NOT NULL AND status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')
      GROUP BY promotion_code) counted
WHERE p.code = counted.promotion_code;

INSERT INTO promotion_redemptions (promotion_id, guest_id, uses)
SELECT p.id, b.guest_id, count(*) FROM bookings b JOIN promotions p ON p.code = b.promotion_code
WHERE b.status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')
GROUP BY p.id, b.guest_id;

-- A booking that stops holding its room (cancelled, expired unpaid, no-show) gives its use back, whichever
-- path changed it (the API, the worker's hold expiry, motel-admin), in the same transaction. Like every path that
-- changes uses, it locks the code's row before the guest's, so two such transactions never deadlock.
CREATE FUNCTION bookings_give_back_promotion_use() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE promotions SET uses = greatest(uses - 1, 0) WHERE code = NEW.promotion_code;
    UPDATE promotion_redemptions r SET uses = greatest(r.uses - 1, 0)
    FROM promotions p
    WHERE p.code = NEW.promotion_code AND r.promotion_id = p.id AND r.guest_id = NEW.guest_id;
    RETURN NEW;
END;
$$;
CREATE TRIGGER bookings_promotion_use_given_back AFTER UPDATE OF status ON bookings
    FOR EACH ROW
    WHEN (NEW.promotion_code IS NOT NULL
          AND OLD.status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')
          AND NEW.status NOT IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT'))
    EXECUTE FUNCTION bookings_give_back_promotion_use();
