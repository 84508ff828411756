package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments.MfaEnrolment;
import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.identity.port.out.TotpCodes;
import com.westbethel.motel.domain.identity.BackupCodes;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Checks a second-factor code against an enrolment: a six-digit TOTP code, accepted once per time
 * step (a code seen again in its window is a replay), or a backup code, accepted once ever.
 */
record MfaCodeCheck(MfaEnrolments enrolments, TotpCodes totp, SecretCipher cipher) {

    boolean accepts(MfaEnrolment enrolment, String code, Instant now) {
        if (enrolment.secret().isEmpty() || code == null) {
            return false;
        }
        if (BackupCodes.looksLikeBackupCode(code)) {
            return enrolments.useBackupCode(enrolment.user(), BackupCodes.hash(code), now);
        }
        return acceptsTotp(enrolment, enrolment.secret().get(), code, now);
    }

    /** The step of a valid TOTP code for this (encrypted) secret, if the code is right. */
    OptionalLong step(String encryptedSecret, String code, Instant now) {
        String digits = code == null ? "" : code.strip();
        return digits.matches("\\d{6}") ? totp.matchingStep(cipher.decrypt(encryptedSecret), digits, now) : OptionalLong.empty();
    }

    private boolean acceptsTotp(MfaEnrolment enrolment, String encryptedSecret, String code, Instant now) {
        OptionalLong step = step(encryptedSecret, code, now);
        return step.isPresent() && enrolments.advanceLastUsedStep(enrolment.user(), step.getAsLong());
    }
}
