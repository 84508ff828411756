-- A payment never refunds more than it took.
ALTER TABLE payments ADD CONSTRAINT payments_refund_within_amount CHECK (refunded <= amount);

-- TRUNCATE bypasses row triggers: the audit log refuses it too.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
