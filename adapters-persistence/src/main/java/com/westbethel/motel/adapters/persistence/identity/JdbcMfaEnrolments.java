package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Enrolments in {@code mfa_enrolments}, backup codes in {@code mfa_backup_codes}; every once-only rule is one conditional update. */
public record JdbcMfaEnrolments(JdbcClient jdbc) implements MfaEnrolments {

    @Override
    public Optional<MfaEnrolment> find(UserId user) {
        return jdbc.sql("SELECT secret, pending_secret, last_used_step FROM mfa_enrolments WHERE user_id = :userId")
                .param("userId", user.value())
                .query((row, number) -> new MfaEnrolment(user, Optional.ofNullable(row.getString("secret")),
                        Optional.ofNullable(row.getString("pending_secret")), row.getLong("last_used_step")))
                .optional();
    }

    @Override
    public void savePending(UserId user, String encryptedSecret) {
        jdbc.sql("""
                        INSERT INTO mfa_enrolments (user_id, pending_secret) VALUES (:userId, :secret)
                        ON CONFLICT (user_id) DO UPDATE SET pending_secret = excluded.pending_secret
                        """)
                .param("userId", user.value())
                .param("secret", encryptedSecret)
                .update();
    }

    @Override
    public boolean activate(UserId user, long confirmedStep, Instant now) {
        return jdbc.sql("""
                        UPDATE mfa_enrolments
                        SET secret = pending_secret, pending_secret = NULL, last_used_step = :step, enabled_at = :now
                        WHERE user_id = :userId AND pending_secret IS NOT NULL
                        """)
                .param("userId", user.value())
                .param("step", confirmedStep)
                .param("now", utc(now))
                .update() == 1;
    }

    @Override
    public boolean advanceLastUsedStep(UserId user, long step) {
        return jdbc.sql("UPDATE mfa_enrolments SET last_used_step = :step WHERE user_id = :userId AND secret IS NOT NULL AND last_used_step < :step")
                .param("userId", user.value())
                .param("step", step)
                .update() == 1;
    }

    @Override
    public void replaceBackupCodes(UserId user, List<String> codeHashes) {
        jdbc.sql("DELETE FROM mfa_backup_codes WHERE user_id = :userId").param("userId", user.value()).update();
        for (String hash : codeHashes) {
            jdbc.sql("INSERT INTO mfa_backup_codes (user_id, code_hash) VALUES (:userId, :hash)")
                    .param("userId", user.value())
                    .param("hash", hash)
                    .update();
        }
    }

    @Override
    public boolean useBackupCode(UserId user, String codeHash, Instant now) {
        return jdbc.sql("UPDATE mfa_backup_codes SET used_at = :now WHERE user_id = :userId AND code_hash = :hash AND used_at IS NULL")
                .param("userId", user.value())
                .param("hash", codeHash)
                .param("now", utc(now))
                .update() == 1;
    }

    @Override
    public int remainingBackupCodes(UserId user) {
        return jdbc.sql("SELECT count(*) FROM mfa_backup_codes WHERE user_id = :userId AND used_at IS NULL")
                .param("userId", user.value())
                .query(Integer.class)
                .single();
    }

    @Override
    public void remove(UserId user) {
        jdbc.sql("DELETE FROM mfa_backup_codes WHERE user_id = :userId").param("userId", user.value()).update();
        jdbc.sql("DELETE FROM mfa_enrolments WHERE user_id = :userId").param("userId", user.value()).update();
    }
}
