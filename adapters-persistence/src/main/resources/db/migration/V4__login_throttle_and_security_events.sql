-- Failed-login counters and the locks they earned, by key ("password:<address>|<email>",
-- "password:<address>"). In PostgreSQL rather than Redis: few writes, and a lock must hold on every
-- replica and survive a Redis restart.
CREATE TABLE login_throttle (
    key             varchar(400) PRIMARY KEY,
    failures        integer      NOT NULL CHECK (failures >= 0),
    last_failure_at timestamptz  NOT NULL,
    locked_until    timestamptz
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);

-- The security log: logins (the user's login history), failures, locks, new devices, token reuse.
CREATE TABLE security_events (
    id          bigserial    PRIMARY KEY,
    user_id     uuid         REFERENCES users (id) ON DELETE CASCADE,
    email       varchar(254) NOT NULL,
    type        varchar(32)  NOT NULL,
    ip_address  varchar(45)  NOT NULL,
    user_agent  varchar(512) NOT NULL DEFAULT '',
    occurred_at timestamptz  NOT NULL
);
CREATE INDEX security_events_user ON security_events (user_id, occurred_at DESC);
