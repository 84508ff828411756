-- One-time secrets in the outbox (issue 10, finding 8): the model entries named here (a password-reset
-- link and its token) are stored encrypted (AES-GCM, motel.security.mfa-encryption-key) and opened by the
-- worker at send time, so a database dump or a DBA's SELECT finds no usable link. They are dropped from
-- the model once the email is sent or dead, as before.
ALTER TABLE email_queue ADD COLUMN sealed text[] NOT NULL DEFAULT '{}';
