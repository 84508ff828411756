package com.westbethel.motel.adapters.web.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The shapes of identity answers that the controllers build as maps, named for the OpenAPI document (the contract
 * tests check every real answer against them).
 */
final class IdentityResponses {

    private IdentityResponses() {
    }

    @Schema(description = "The password was right and two-factor login is on: send the mfaToken with a code to /api/v1/auth/mfa/verify")
    record MfaChallenge(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") boolean mfaRequired,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String mfaToken) {
    }

    record EmailVerified(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") boolean emailVerified) {
    }

    record Accepted(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String message) {
    }

    record ResetTokenValidity(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean valid) {
    }

    record MfaSetup(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String secret,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "otpauth://totp/West%20Bethel%20Motel:anna@example.com?secret=...") String otpauthUri,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A QR code of the otpauth URI, base64 PNG") String qrCodePng) {
    }

    record MfaEnabled(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "true") boolean mfaEnabled,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> backupCodes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String message) {
    }

    record BackupCodes(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> backupCodes) {
    }
}
