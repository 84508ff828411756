-- Accounts, sessions and the tokens issued for them. Secrets are never stored in plain form:
-- passwords as bcrypt hashes, refresh and one-time tokens as SHA-256 hashes of 256-bit random values.
CREATE TABLE users (
    id                 uuid         PRIMARY KEY,
    email              varchar(254) NOT NULL,
    first_name         varchar(100) NOT NULL,
    last_name          varchar(100) NOT NULL,
    password_hash      varchar(255) NOT NULL,
    email_verified     boolean      NOT NULL DEFAULT false,
    enabled            boolean      NOT NULL DEFAULT true,
    -- Every access token issued before this instant is refused (logout everywhere, password reset).
    tokens_valid_after timestamptz,
    locale             varchar(35)  NOT NULL DEFAULT 'en',
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL
);
-- Addresses are stored lower-case by the application; the index makes that a guarantee.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE user_roles (
    user_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    varchar(16) NOT NULL CHECK (role IN ('GUEST', 'STAFF', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role ON user_roles (role);

-- One login on one device. Its refresh tokens form one family: reuse of a rotated one ends it.
CREATE TABLE user_sessions (
    id                 uuid         PRIMARY KEY,
    user_id            uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ip_address         varchar(45)  NOT NULL,
    user_agent         varchar(512) NOT NULL DEFAULT '',
    device_fingerprint varchar(64)  NOT NULL,
    created_at         timestamptz  NOT NULL,
    last_seen_at       timestamptz  NOT NULL,
    ended_at           timestamptz,
    end_reason         varchar(32),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE INDEX user_sessions_active ON user_sessions (user_id) WHERE ended_at IS NULL;

CREATE TABLE refresh_tokens (
    token_hash char(64)    PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES user_sessions (id) ON DELETE CASCADE,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    rotated_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);
CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);

-- Access tokens refused before they expire, by token id (JTI) or by session (SESSION). Redis holds a
-- fast copy; this table is the one that survives a Redis restart.
CREATE TABLE revoked_tokens (
    kind       varchar(8)  NOT NULL CHECK (kind IN ('JTI', 'SESSION')),
    id         varchar(64) NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id)
);
CREATE INDEX revoked_tokens_expires ON revoked_tokens (expires_at);

-- Single-use tokens sent by email.
CREATE TABLE one_time_tokens (
    token_hash char(64)    PRIMARY KEY,
    purpose    varchar(24) NOT NULL CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX one_time_tokens_user ON one_time_tokens (user_id, purpose) WHERE used_at IS NULL;
