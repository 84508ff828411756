package com.westbethel.motel.adapters.web.identity;

import static com.westbethel.motel.adapters.web.problem.Problems.fieldProblem;
import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.adapters.web.security.ClientDevice;
import com.westbethel.motel.adapters.web.security.ProblemResponses;
import com.westbethel.motel.adapters.web.security.QrCodes;
import com.westbethel.motel.application.identity.port.in.CompleteMfaLoginUseCase;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.ConfirmResult;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.DisableResult;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.SetupResult;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/auth/mfa: authenticator-app set-up, the second login step, backup codes, turning it off. */
@Tag(name = "MFA")
@RestController
@RequestMapping("/api/v1/auth/mfa")
class MfaController {

    private final ManageMfaUseCase mfa;
    private final CompleteMfaLoginUseCase completeLogin;

    MfaController(ManageMfaUseCase mfa, CompleteMfaLoginUseCase completeLogin) {
        this.mfa = mfa;
        this.completeLogin = completeLogin;
    }

    record Verify(@Size(max = 256) @Schema(example = "Vb7nM2kL9pQ4rT8wX1zC6yA3sD5fG0hJ2kL4mN6pQ8r") String mfaToken,
            @NotBlank @Size(max = 32) @Schema(example = "123456") String code) {

        @Override
        public String toString() {
            return "Verify[redacted]";
        }
    }

    record Disable(@Size(max = 32) @Schema(example = "123456") String code,
            @Size(max = 256) @Schema(example = "lantern orchard velvet kayak") String password) {

        @Override
        public String toString() {
            return "Disable[redacted]";
        }
    }

    record Code(@NotBlank @Size(max = 32) @Schema(example = "123456") String code) {
    }

    /** The current password: a stolen access token alone must not enrol another authenticator. */
    record SetUp(@NotNull @Size(max = 256) @Schema(description = "the account's current password", example = "lantern orchard velvet kayak")
            String password) {

        @Override
        public String toString() {
            return "SetUp[redacted]";
        }
    }

    @Operation(summary = "Start enrolling an authenticator app",
            description = "Needs the current password. Answers the secret, its otpauth:// URI and a QR code (base64 PNG); "
                    + "POST /auth/mfa/verify {code} then turns two-factor login on. A wrong password is a 400 wrong-password problem "
                    + "and counts towards the re-authentication lock shared with disabling MFA and changing the password "
                    + "(429 mfa-setup-locked with Retry-After).")
    @ApiResponse(responseCode = "200", description = "The secret, its otpauth URI and a QR code", content = @Content(schema = @Schema(implementation = IdentityResponses.MfaSetup.class)))
    @PostMapping("/setup")
    ResponseEntity<?> setUp(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody SetUp request) {
        SetupResult result = mfa.setUp(caller, request.password());
        if (result instanceof SetupResult.Started started) {
            return ResponseEntity.ok(Map.of("secret", started.secret(), "otpauthUri", started.otpauthUri(),
                    "qrCodePng", QrCodes.base64Png(started.otpauthUri())));
        }
        if (result instanceof SetupResult.WrongPassword) {
            return fieldProblem(HttpStatus.BAD_REQUEST, "wrong-password", "Wrong password", "password", "The password is incorrect.");
        }
        if (result instanceof SetupResult.LockedOut locked) {
            long seconds = ProblemResponses.retryAfterSeconds(locked.retryAfter());
            ResponseEntity<?> tooMany = problem(HttpStatus.TOO_MANY_REQUESTS, "mfa-setup-locked", "Too many wrong passwords",
                    "Too many wrong passwords while setting up two-factor login. Try again in %d seconds.".formatted(seconds));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                    .body(tooMany.getBody());
        }
        return problem(HttpStatus.CONFLICT, "mfa-already-enabled", "Two-factor login already on",
                "Two-factor login is already on. Turn it off first to enrol a new authenticator.");
    }

    /**
     * With an {@code mfaToken}: the second login step (no bearer needed). Without: confirms the
     * caller's set-up with a first code and turns two-factor login on.
     */
    @Operation(summary = "The second login step, or confirming an MFA set-up",
            description = "With an mfaToken: completes a login. With a bearer and no mfaToken: confirms the set-up, turns two-factor "
                    + "login on, answers the backup codes once, and alerts the owner by email.")
    @ApiResponse(responseCode = "200", description = "With mfaToken: the token pair; with a bearer: two-factor login is on, with backup codes", content = @Content(schema = @Schema(anyOf = {AuthController.Tokens.class, IdentityResponses.MfaEnabled.class})))
    @PostMapping("/verify")
    ResponseEntity<?> verify(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody Verify request, HttpServletRequest http) {
        if (request.mfaToken() != null && !request.mfaToken().isBlank()) {
            return AuthController.loginResponse(completeLogin.completeLogin(request.mfaToken(), request.code(), ClientDevice.of(http)));
        }
        if (caller == null) {
            return problem(HttpStatus.UNAUTHORIZED, "mfa-token-required", "Login step missing",
                    "Send the mfaToken from /api/v1/auth/login, or a bearer token to confirm a set-up.");
        }
        ConfirmResult result = mfa.confirm(caller, request.code());
        if (result instanceof ConfirmResult.Enabled enabled) {
            return ResponseEntity.ok(Map.of("mfaEnabled", true, "backupCodes", enabled.backupCodes(),
                    "message", "Keep the backup codes somewhere safe: each works once if the authenticator is lost. Log in again to use your full rights."));
        }
        if (result instanceof ConfirmResult.NotStarted) {
            return problem(HttpStatus.CONFLICT, "mfa-not-started", "No set-up in progress", "Start with POST /api/v1/auth/mfa/setup.");
        }
        return invalidCode();
    }

    @Operation(summary = "Turn two-factor login off (with a code or the password)",
            description = "A wrong code or password counts towards the re-authentication lock shared with set-up and changing the "
                    + "password (429 reauthentication-locked with Retry-After).")
    @ApiResponse(responseCode = "204", description = "Two-factor login is off; a security alert is sent")
    @PostMapping("/disable")
    ResponseEntity<?> disable(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody Disable request) {
        DisableResult result = mfa.disable(caller, Optional.ofNullable(request.code()), Optional.ofNullable(request.password()));
        if (result instanceof DisableResult.LockedOut locked) {
            return reauthenticationLocked(locked.retryAfter());
        }
        if (result instanceof DisableResult.Refused) {
            return problem(HttpStatus.FORBIDDEN, "mfa-proof-required", "Not turned off",
                    "Two-factor login is off already, or neither a current code nor the password was right.");
        }
        return ResponseEntity.noContent().build();
    }

    /** 429 for too many wrong passwords or codes given by a signed-in user (MFA disable, changing the password). */
    static ResponseEntity<?> reauthenticationLocked(Duration retryAfter) {
        long seconds = ProblemResponses.retryAfterSeconds(retryAfter);
        ResponseEntity<?> tooMany = problem(HttpStatus.TOO_MANY_REQUESTS, "reauthentication-locked", "Too many wrong passwords or codes",
                "Too many wrong passwords or codes for this account. Try again in %d seconds.".formatted(seconds));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(tooMany.getBody());
    }

    @Operation(summary = "Replace the backup codes", description = "Needs a current code; the old codes stop working and the owner is "
            + "alerted by email.")
    @ApiResponse(responseCode = "200", description = "Ten new backup codes; the old ones no longer work", content = @Content(schema = @Schema(implementation = IdentityResponses.BackupCodes.class)))
    @PostMapping("/backup-codes")
    ResponseEntity<?> regenerateBackupCodes(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody Code request) {
        Optional<List<String>> codes = mfa.regenerateBackupCodes(caller, request.code());
        return codes.<ResponseEntity<?>>map(fresh -> ResponseEntity.ok(Map.of("backupCodes", fresh))).orElseGet(MfaController::invalidCode);
    }

    private static ResponseEntity<?> invalidCode() {
        return problem(HttpStatus.BAD_REQUEST, "invalid-mfa-code", "Invalid code",
                "The code is wrong, expired or was used already. Use the current code from the authenticator app.");
    }
}
