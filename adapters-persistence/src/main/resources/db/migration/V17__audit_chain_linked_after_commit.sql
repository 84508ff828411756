-- The audit chain is linked after commit (issue 12): a business transaction inserts its entries unlinked, without
-- any lock, and they roll back with it; a short transaction of its own, right after the commit, takes the chain's
-- lock and links every committed unlinked entry in turn. No business transaction waits on the chain any more.
--
-- chain_seq:     the entry's place in the chain, given when it is linked: 1, 2, 3... with no gap. NULL while the
--                entry is committed but not yet linked (previous_hash, hash and key_check are NULL then too).
-- The entries written before this migration were linked in id order, so that order becomes their chain_seq and
-- they verify exactly as before.
ALTER TABLE audit_log ADD COLUMN chain_seq bigint UNIQUE;

ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
UPDATE audit_log a SET chain_seq = n.seq
FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_log) n
WHERE a.id = n.id;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;

ALTER TABLE audit_log ALTER COLUMN previous_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_keyed_entries_name_their_key;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_linked_entries_are_whole CHECK (
    (chain_seq IS NULL) = (hash IS NULL) AND (chain_seq IS NULL) = (previous_hash IS NULL)
    AND (chain_seq IS NULL OR (chain_version = 1) = (key_check IS NULL))
    AND (chain_seq IS NOT NULL OR key_check IS NULL));

-- The linker's work list: the committed entries not linked yet, oldest first (a handful at any moment).
CREATE INDEX audit_log_unlinked ON audit_log (id) WHERE chain_seq IS NULL;

-- Still append-only for the application, with one exception: linking an unlinked entry, which sets its place in
-- the chain and its hashes once and touches nothing it records.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
        AND NEW.id = OLD.id
        AND NEW.occurred_at = OLD.occurred_at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
        AND NEW.entity_type = OLD.entity_type AND NEW.entity_id = OLD.entity_id
        AND NEW.before_state = OLD.before_state AND NEW.after_state = OLD.after_state THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
