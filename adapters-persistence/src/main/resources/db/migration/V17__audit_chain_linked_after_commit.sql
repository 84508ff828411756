-- The audit chain is linked after commit (issue 12): a business transaction inserts its entries unlinked, without
-- any lock, and they roll back with it; after the commit, one linker per process (and the worker's sweep) takes the
-- chain's lock in a short transaction of its own and links every committed unlinked entry. No business transaction
-- waits on the chain any more.
--
-- DEPLOYING: stop every API, worker and motel-admin of the version before this one, migrate, then start the new
-- version (a short maintenance window; no rolling upgrade across this migration). The old code writes each entry
-- linked, with its hashes and no chain_seq, which the check below refuses: every audited write of an old process
-- would fail at its commit, and an old worker could not expire holds. Letting such rows in (a trigger turning them
-- into unlinked ones) would not help: they carry no entry MAC, so the linker would refuse them and verify report them
-- as forged.
--
-- chain_seq:     the entry's place in the chain, given when it is linked: 1, 2, 3... with no gap. NULL while the
--                entry is committed but not yet linked (previous_hash and hash are NULL then too).
-- entry_mac:     chain version 3: an HMAC of the entry itself (AuditChain.entryText) with the chain's key, computed
--                when the entry is written. The linker links only entries whose MAC it can check with its key, so a
--                row inserted by someone with the database but not the key is never linked (verify reports it as
--                forged); verify checks it on linked entries too. key_check names the key from the insert on.
-- chain version 1 (unkeyed) and 2 (keyed links, no entry MAC) are the entries written before: they verify as
-- before, and only as the chain's first entries.
-- The entries written before this migration were linked in id order, so that order becomes their chain_seq and
-- they verify exactly as before. One UPDATE numbers them (no loop); the unique index is built after it, once.
ALTER TABLE audit_log ADD COLUMN chain_seq bigint;
ALTER TABLE audit_log ADD COLUMN entry_mac char(64);

ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
UPDATE audit_log a SET chain_seq = n.seq
FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_log) n
WHERE a.id = n.id;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_seq_key UNIQUE (chain_seq);

ALTER TABLE audit_log DROP CONSTRAINT audit_log_chain_version_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_chain_version_check CHECK (chain_version IN (1, 2, 3));
ALTER TABLE audit_log ALTER COLUMN previous_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_keyed_entries_name_their_key;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_linked_entries_are_whole CHECK (
    (chain_seq IS NULL) = (hash IS NULL) AND (chain_seq IS NULL) = (previous_hash IS NULL)
    AND (chain_version = 1) = (key_check IS NULL)
    AND (chain_version = 3) = (entry_mac IS NOT NULL)
    AND (chain_seq IS NOT NULL OR chain_version = 3));

-- The linker's work list: the committed entries not linked yet, oldest first (a handful at any moment).
CREATE INDEX audit_log_unlinked ON audit_log (id) WHERE chain_seq IS NULL;

-- Still append-only for the application, with one exception: linking an unlinked entry, which sets its place in
-- the chain and its hashes once and touches nothing it records, nor its MAC.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
        AND NEW.id = OLD.id
        AND NEW.occurred_at = OLD.occurred_at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
        AND NEW.entity_type = OLD.entity_type AND NEW.entity_id = OLD.entity_id
        AND NEW.before_state = OLD.before_state AND NEW.after_state = OLD.after_state
        AND NEW.chain_version = OLD.chain_version AND NEW.key_check IS NOT DISTINCT FROM OLD.key_check
        AND NEW.entry_mac IS NOT DISTINCT FROM OLD.entry_mac THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
