-- Multi-factor authentication with TOTP. The secret is stored encrypted (AES-GCM, key from
-- configuration); a secret being set up waits in pending_secret until the first code confirms it.
CREATE TABLE mfa_enrolments (
    user_id        uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret         text,
    pending_secret text,
    -- The newest 30-second time step whose code was accepted: a code is never accepted twice.
    last_used_step bigint      NOT NULL DEFAULT 0,
    enabled_at     timestamptz,
    CHECK ((secret IS NULL) = (enabled_at IS NULL))
);

-- Ten single-use recovery codes per user, stored as SHA-256 hashes.
CREATE TABLE mfa_backup_codes (
    user_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash char(64)    NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- The second login step: a short-lived single-use token proves the password was right.
ALTER TABLE one_time_tokens DROP CONSTRAINT one_time_tokens_purpose_check;
ALTER TABLE one_time_tokens ADD CONSTRAINT one_time_tokens_purpose_check
    CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET', 'MFA_LOGIN'));
