-- The card is charged outside the database transaction (issue 12): a payment is first written PENDING with the key
-- the processor charges under (one per attempt), committed, then the processor is called with no transaction open, then a
-- second transaction records the outcome. A process that stops in between, or a processor that does not answer in time,
-- leaves the row PENDING; the worker (or the guest's next try) asks the processor what happened under that key and
-- records it. REFUNDED: an attempt recorded as never charged whose approval came after all, refunded in full at once.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('PENDING', 'SUCCEEDED', 'DECLINED', 'REFUNDED'));

-- The processor's idempotency key of the charge (the key a retry or the lookup uses). NULL for the payments made before
-- this migration, which were never pending.
ALTER TABLE payments ADD COLUMN gateway_key varchar(200);
ALTER TABLE payments ADD CONSTRAINT payments_pending_name_their_charge CHECK (status <> 'PENDING' OR gateway_key IS NOT NULL);

-- Until when a recovery holds a stalled PENDING payment (a lease: several workers take different payments, and one the
-- processor cannot answer for waits out the lease instead of being asked again in the same run).
ALTER TABLE payments ADD COLUMN recovery_claimed_until timestamptz;

-- When the outcome was recorded.
ALTER TABLE payments ADD COLUMN completed_at timestamptz;
UPDATE payments SET completed_at = created_at;

-- The worker's work list, and hold expiry's check for a payment in flight: a handful of rows at any moment.
CREATE INDEX payments_pending ON payments (created_at) WHERE status = 'PENDING';
CREATE INDEX payments_pending_booking ON payments (booking_id) WHERE status = 'PENDING';

-- Not the motel's data: the sandbox card processor's own ledger, as a real processor keeps one on its side. The sandbox
-- (SandboxPaymentGateway) writes it on a connection of its own, outside the motel's transactions (a charge made stays
-- made whatever the motel's transaction does), and its lookup reads it from any process, so the worker learns what the
-- API's charge did, and a key never charged is "not found". No foreign key to the motel's tables, on purpose.
CREATE TABLE sandbox_charges (
    idempotency_key varchar(200) PRIMARY KEY,
    approved        boolean      NOT NULL,
    reference       varchar(64),
    decline_reason  varchar(500),
    amount          numeric(12, 2) NOT NULL,
    currency        char(3)      NOT NULL,
    charged_at      timestamptz  NOT NULL DEFAULT now(),
    CHECK (approved = (reference IS NOT NULL))
);

CREATE TABLE sandbox_refunds (
    idempotency_key  varchar(200) PRIMARY KEY,
    charge_reference varchar(64)  NOT NULL,
    reference        varchar(64)  NOT NULL,
    amount           numeric(12, 2) NOT NULL,
    refunded_at      timestamptz  NOT NULL DEFAULT now()
);
