-- The card is charged outside the database transaction (issue 12): a payment is first written PENDING with the key
-- the processor charges under, committed, then the processor is called with no transaction open, then a second
-- transaction records the outcome. A process that stops in between leaves the row PENDING; the worker asks the
-- processor what happened under that key and records it.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('PENDING', 'SUCCEEDED', 'DECLINED'));

-- The processor's idempotency key of the charge (the key a retry or the worker's lookup uses). NULL for the payments
-- made before this migration, which were never pending.
ALTER TABLE payments ADD COLUMN gateway_key varchar(200);
ALTER TABLE payments ADD CONSTRAINT payments_pending_name_their_charge CHECK (status <> 'PENDING' OR gateway_key IS NOT NULL);

-- When the outcome was recorded.
ALTER TABLE payments ADD COLUMN completed_at timestamptz;
UPDATE payments SET completed_at = created_at;

-- The worker's work list, and hold expiry's check for a payment in flight: a handful of rows at any moment.
CREATE INDEX payments_pending ON payments (created_at) WHERE status = 'PENDING';
CREATE INDEX payments_pending_booking ON payments (booking_id) WHERE status = 'PENDING';
