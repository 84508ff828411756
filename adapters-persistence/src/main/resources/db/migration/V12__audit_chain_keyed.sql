-- The audit chain is keyed from here on (issue 10, finding 10): each new entry's hash is an HMAC-SHA256 with a
-- key held outside the database (motel.audit.hmac-key), so someone who can switch the append-only trigger off
-- can still edit a row but can no longer recompute a hash that verifies.
--
-- chain_version 1: the entries written before this migration, hashed with plain SHA-256 as before. They stay
--                  verifiable that way, and only as the chain's first entries: an unkeyed entry after a keyed
--                  one is a break. Each later keyed entry covers the previous hash, so the old entries are
--                  anchored by the key as soon as one keyed entry follows them.
-- chain_version 2: HMAC-SHA256 of the same text; key_check names the key (the first 16 hex digits of an HMAC
--                  of a fixed text), so that a verifier holding another key says so instead of "edited".
ALTER TABLE audit_log ADD COLUMN chain_version smallint NOT NULL DEFAULT 1 CHECK (chain_version IN (1, 2));
ALTER TABLE audit_log ALTER COLUMN chain_version DROP DEFAULT;
ALTER TABLE audit_log ADD COLUMN key_check char(16);
ALTER TABLE audit_log ADD CONSTRAINT audit_log_keyed_entries_name_their_key CHECK ((chain_version = 1) = (key_check IS NULL));
