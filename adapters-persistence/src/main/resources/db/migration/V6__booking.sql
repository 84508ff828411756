-- The motel's inventory, its bookings and what was paid for them.

CREATE TABLE properties (
    id                      uuid         PRIMARY KEY,
    name                    varchar(200) NOT NULL,
    time_zone               varchar(64)  NOT NULL,
    currency                char(3)      NOT NULL,
    check_in_time           time         NOT NULL,
    check_out_time          time         NOT NULL,
    free_cancellation_hours integer      NOT NULL CHECK (free_cancellation_hours >= 0),
    created_at              timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE room_types (
    id            uuid          PRIMARY KEY,
    property_id   uuid          NOT NULL REFERENCES properties (id),
    name          varchar(100)  NOT NULL,
    description   text          NOT NULL DEFAULT '',
    max_occupancy integer       NOT NULL CHECK (max_occupancy > 0),
    base_rate     numeric(12,2) NOT NULL CHECK (base_rate > 0),
    amenities     text[]        NOT NULL DEFAULT '{}',
    UNIQUE (property_id, name)
);

CREATE TABLE rooms (
    id           uuid        PRIMARY KEY,
    property_id  uuid        NOT NULL REFERENCES properties (id),
    room_type_id uuid        NOT NULL REFERENCES room_types (id),
    number       varchar(16) NOT NULL,
    floor        integer     NOT NULL,
    in_service   boolean     NOT NULL DEFAULT true,
    UNIQUE (property_id, number)
);
CREATE INDEX rooms_property_type ON rooms (property_id, room_type_id) WHERE in_service;

-- Out-of-service periods of a room ([starts, ends) in nights, like a stay).
CREATE TABLE room_closures (
    id      uuid         PRIMARY KEY,
    room_id uuid         NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    starts  date         NOT NULL,
    ends    date         NOT NULL,
    reason  varchar(200) NOT NULL DEFAULT '',
    CHECK (ends > starts)
);
CREATE INDEX room_closures_room_period ON room_closures USING gist (room_id, daterange(starts, ends));

CREATE TABLE rate_plans (
    id           uuid          PRIMARY KEY,
    room_type_id uuid          NOT NULL REFERENCES room_types (id) ON DELETE CASCADE,
    name         varchar(100)  NOT NULL,
    valid_from   date          NOT NULL,
    valid_until  date          NOT NULL,
    weekday_rate numeric(12,2) NOT NULL CHECK (weekday_rate > 0),
    weekend_rate numeric(12,2) NOT NULL CHECK (weekend_rate > 0),
    minimum_stay integer       NOT NULL DEFAULT 1 CHECK (minimum_stay > 0),
    CHECK (valid_until > valid_from)
);
CREATE INDEX rate_plans_room_type_period ON rate_plans (room_type_id, valid_from, valid_until);

CREATE TABLE promotions (
    id              uuid          PRIMARY KEY,
    code            varchar(32)   NOT NULL UNIQUE,
    kind            varchar(8)    NOT NULL CHECK (kind IN ('PERCENT', 'FIXED')),
    value           numeric(12,2) NOT NULL CHECK (value > 0),
    valid_from      date          NOT NULL,
    valid_until     date          NOT NULL,
    usage_limit     integer       CHECK (usage_limit > 0),
    per_guest_limit integer       NOT NULL DEFAULT 1 CHECK (per_guest_limit > 0),
    minimum_nights  integer       NOT NULL DEFAULT 1 CHECK (minimum_nights > 0),
    CHECK (valid_until > valid_from),
    CHECK (kind <> 'PERCENT' OR value <= 100)
);

CREATE TABLE bookings (
    id              uuid          PRIMARY KEY,
    reference       varchar(12)   NOT NULL UNIQUE,
    property_id     uuid          NOT NULL REFERENCES properties (id),
    guest_id        uuid          NOT NULL REFERENCES users (id),
    room_type_id    uuid          NOT NULL REFERENCES room_types (id),
    room_id         uuid          NOT NULL REFERENCES rooms (id),
    check_in        date          NOT NULL,
    check_out       date          NOT NULL,
    guests          integer       NOT NULL CHECK (guests > 0),
    currency        char(3)       NOT NULL,
    subtotal        numeric(12,2) NOT NULL,
    discount        numeric(12,2) NOT NULL DEFAULT 0,
    total           numeric(12,2) NOT NULL CHECK (total >= 0),
    -- The price of each night as quoted, [{"night": "2027-06-07", "rate": "120.00"}, ...].
    nightly_rates   jsonb         NOT NULL,
    minimum_stay    integer       NOT NULL DEFAULT 1,
    promotion_code  varchar(32),
    status          varchar(16)   NOT NULL
                    CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT', 'CANCELLED', 'NO_SHOW')),
    hold_expires_at timestamptz   NOT NULL,
    refunded        numeric(12,2) NOT NULL DEFAULT 0,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    CHECK (check_out > check_in),
    CHECK (subtotal = total + discount),
    -- No double booking, ever (DESIGN section 3): a room's booked nights never overlap. The check-out
    -- day is not a night of the stay ([check_in, check_out)), so same-day turnover is allowed.
    CONSTRAINT bookings_no_double_booking EXCLUDE USING gist (room_id WITH =, daterange(check_in, check_out) WITH &&)
        WHERE (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT'))
);
CREATE INDEX bookings_guest_status ON bookings (guest_id, status);
CREATE INDEX bookings_property_dates ON bookings (property_id, check_in, check_out);
CREATE INDEX bookings_room_type_nights ON bookings USING gist (room_type_id, daterange(check_in, check_out))
    WHERE status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT');
CREATE INDEX bookings_pending_holds ON bookings (hold_expires_at) WHERE status = 'PENDING_PAYMENT';
CREATE INDEX bookings_promotion_guest ON bookings (promotion_code, guest_id) WHERE promotion_code IS NOT NULL;

CREATE TABLE payments (
    id                uuid          PRIMARY KEY,
    booking_id        uuid          NOT NULL REFERENCES bookings (id),
    amount            numeric(12,2) NOT NULL CHECK (amount >= 0),
    currency          char(3)       NOT NULL,
    status            varchar(12)   NOT NULL CHECK (status IN ('SUCCEEDED', 'DECLINED')),
    gateway_reference varchar(64),
    decline_reason    varchar(200),
    refunded          numeric(12,2) NOT NULL DEFAULT 0,
    created_at        timestamptz   NOT NULL
);
CREATE INDEX payments_booking_status ON payments (booking_id, status);
-- At most one successful payment per booking.
CREATE UNIQUE INDEX payments_one_success ON payments (booking_id) WHERE status = 'SUCCEEDED';

CREATE TABLE loyalty_accounts (
    guest_id        uuid   PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    points          bigint NOT NULL DEFAULT 0,
    lifetime_points bigint NOT NULL DEFAULT 0 CHECK (lifetime_points >= 0)
);

CREATE TABLE loyalty_movements (
    id          bigserial   PRIMARY KEY,
    guest_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    booking_id  uuid        REFERENCES bookings (id),
    kind        varchar(12) NOT NULL CHECK (kind IN ('EARNED', 'REVERSED')),
    points      bigint      NOT NULL,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX loyalty_movements_guest ON loyalty_movements (guest_id, occurred_at DESC);

-- Idempotency-Key of POST /bookings and POST /bookings/{id}/payments: a retry finds the first result.
CREATE TABLE idempotency_keys (
    scope        varchar(80)  NOT NULL,
    key          varchar(128) NOT NULL,
    request_hash char(64)     NOT NULL,
    resource_id  uuid,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
