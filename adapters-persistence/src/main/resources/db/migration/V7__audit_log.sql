-- The audit log (DESIGN section 3): append-only and tamper-evident. Each entry carries the hash of the
-- one before it; the snapshots are stored in the exact canonical text that was hashed.
CREATE TABLE audit_log (
    id            bigserial    PRIMARY KEY,
    occurred_at   timestamptz  NOT NULL,
    actor         varchar(80)  NOT NULL,
    action        varchar(48)  NOT NULL,
    entity_type   varchar(32)  NOT NULL,
    entity_id     varchar(64)  NOT NULL,
    before_state  text         NOT NULL,
    after_state   text         NOT NULL,
    previous_hash char(64)     NOT NULL,
    hash          char(64)     NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, occurred_at);

-- Append-only for the application: rows are never changed or removed through it. (Someone with the
-- database's own powers can still do it, which is what the hash chain exposes.)
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
