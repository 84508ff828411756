-- When a room was out of service (rooms.in_service false), night by night, for the occupancy report: a room out of order
-- is not available that night (docs: README, "Reports and the dashboard API"). [starts, ends) in nights like a stay or a
-- closure; ends NULL while the room is still out. ManageInventory's set-in-service write keeps it: taking a room out opens a
-- period from the property's today, putting it back ends the open period at today.
CREATE TABLE room_out_of_service (
    id      uuid PRIMARY KEY,
    room_id uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    starts  date NOT NULL,
    ends    date,
    CHECK (ends IS NULL OR ends > starts),
    CONSTRAINT room_out_of_service_no_overlap EXCLUDE USING gist (room_id WITH =, daterange(starts, ends) WITH &&)
);
-- At most one open period per room.
CREATE UNIQUE INDEX room_out_of_service_open ON room_out_of_service (room_id) WHERE ends IS NULL;

-- Rooms out of service now: out from today at the motel (when they went out was never recorded).
INSERT INTO room_out_of_service (id, room_id, starts)
    SELECT gen_random_uuid(), r.id, (now() AT TIME ZONE p.time_zone)::date
    FROM rooms r JOIN properties p ON p.id = r.property_id
    WHERE NOT r.in_service;

-- The live dashboard's process figures: every API replica writes the cumulative totals of its own meters here every 10 s
-- under its own replica id (a random id per start), and the dashboard takes rates from each replica's consecutive rows,
-- then sums them over the replicas still writing. Rows older than the retention (2 h) are deleted by the samplers.
CREATE TABLE metric_samples (
    replica         uuid         NOT NULL,
    replica_name    varchar(100) NOT NULL,
    sampled_at      timestamptz  NOT NULL,
    requests        bigint       NOT NULL CHECK (requests >= 0),
    errors          bigint       NOT NULL CHECK (errors >= 0),
    request_time_ms bigint       NOT NULL CHECK (request_time_ms >= 0),
    db_active       integer      NOT NULL,
    db_max          integer      NOT NULL,
    db_pending      integer      NOT NULL,
    cache_hits      bigint       NOT NULL CHECK (cache_hits >= 0),
    cache_misses    bigint       NOT NULL CHECK (cache_misses >= 0),
    PRIMARY KEY (replica, sampled_at)
);
CREATE INDEX metric_samples_time ON metric_samples (sampled_at);

-- The dashboard's takings today: payments completed, and refunds given, within the motel's day.
CREATE INDEX payments_succeeded_completed ON payments (completed_at) WHERE status = 'SUCCEEDED';
CREATE INDEX payments_refunded_at ON payments (refunded_at) WHERE refunded > 0;
