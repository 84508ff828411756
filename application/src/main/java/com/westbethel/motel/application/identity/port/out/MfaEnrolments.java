package com.westbethel.motel.application.identity.port.out;

import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users' TOTP enrolments (secrets stored encrypted) and their backup codes (stored hashed). */
public interface MfaEnrolments {

    Optional<MfaEnrolment> find(UserId user);

    /** Starts (or restarts) a set-up with a new secret that is not active until confirmed. */
    void savePending(UserId user, String encryptedSecret);

    /** Makes the pending secret the active one, its confirming code's step the last used; false without a pending secret. */
    boolean activate(UserId user, long confirmedStep, Instant now);

    /** Records a code's time step as used, once: false when that step or a later one was used already (a replay). */
    boolean advanceLastUsedStep(UserId user, long step);

    void replaceBackupCodes(UserId user, List<String> codeHashes);

    /** Uses a backup code, once: false when it is unknown or used. */
    boolean useBackupCode(UserId user, String codeHash, Instant now);

    int remainingBackupCodes(UserId user);

    void remove(UserId user);

    record MfaEnrolment(UserId user, Optional<String> secret, Optional<String> pendingSecret, long lastUsedStep) {

        public boolean enabled() {
            return secret.isPresent();
        }
    }
}
