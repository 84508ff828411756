package com.westbethel.motel.adapters.web.identity;

import static com.westbethel.motel.adapters.web.problem.Problems.fieldProblem;
import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.adapters.web.security.ClientAddresses;
import com.westbethel.motel.adapters.web.security.ClientDevice;
import com.westbethel.motel.adapters.web.security.ProblemResponses;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LogInCommand;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.in.LogInUseCase;
import com.westbethel.motel.application.identity.port.in.LogOutUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase.RegisterGuestCommand;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase.RegistrationResult;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase.ResetResult;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.in.VerifyEmailUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase.RequestKind;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import com.westbethel.motel.domain.shared.EmailAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/auth: accounts, logins, tokens, email verification and password reset. */
@Tag(name = "Identity")
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private static final String NO_ENUMERATION = "If the address belongs to an account that needs it, an email is on its way.";

    private final RegisterGuestUseCase register;
    private final LogInUseCase logIn;
    private final RefreshTokensUseCase refresh;
    private final LogOutUseCase logOut;
    private final VerifyEmailUseCase verifyEmail;
    private final ResetPasswordUseCase resetPassword;
    private final AdmitRequestUseCase admit;

    AuthController(RegisterGuestUseCase register, LogInUseCase logIn, RefreshTokensUseCase refresh, LogOutUseCase logOut,
            VerifyEmailUseCase verifyEmail, ResetPasswordUseCase resetPassword, AdmitRequestUseCase admit) {
        this.admit = admit;
        this.register = register;
        this.logIn = logIn;
        this.refresh = refresh;
        this.logOut = logOut;
        this.verifyEmail = verifyEmail;
        this.resetPassword = resetPassword;
    }

    /** The one answer to every accepted sign-up, new address or known: it reveals no account. */
    record SignUpAccepted(@Schema(example = "Check your inbox: we sent an email to anna@example.com about your account.") String message) {
    }

    record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {

        static Tokens of(TokenPair pair) {
            return new Tokens(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresInSeconds());
        }
    }

    @Operation(summary = "Open a guest account",
            description = "Answers 202 with the same body whether or not the address already has an account: a new address gets a "
                    + "verification link, a known one an email telling its owner of the attempt. A weak password is a 400 problem.")
    @ApiResponse(responseCode = "202", description = "Accepted; the next step is in the email",
            content = @Content(schema = @Schema(implementation = SignUpAccepted.class)))
    @PostMapping("/register")
    ResponseEntity<?> register(@Valid @RequestBody IdentityRequests.Register request) {
        RegistrationResult result = register.register(new RegisterGuestCommand(new EmailAddress(request.email()), request.password(),
                request.firstName(), request.lastName()));
        if (result instanceof RegistrationResult.PasswordRefused refused) {
            return weakPassword("password", refused.reason(), refused.advice());
        }
        // Registered or EmailTaken: one answer, so that sign-up does not tell which addresses have accounts.
        String address = new EmailAddress(request.email()).value();
        return ResponseEntity.accepted().body(new SignUpAccepted(
                "Check your inbox: we sent an email to %s about your account.".formatted(address)));
    }

    @Operation(summary = "Log in with email and password")
    @ApiResponse(responseCode = "200", description = "The token pair, or the second step when two-factor login is on", content = @Content(schema = @Schema(anyOf = {Tokens.class, IdentityResponses.MfaChallenge.class})))
    @PostMapping("/login")
    ResponseEntity<?> logIn(@Valid @RequestBody IdentityRequests.LogIn request, HttpServletRequest http) {
        // Failed logins are throttled per address and account by the use case; no per-account bucket
        // here, since anyone could drain it to keep the owner out.
        return loginResponse(logIn.logIn(new LogInCommand(request.email(), request.password(), ClientDevice.of(http))));
    }

    /** The answer to both login steps. */
    static ResponseEntity<?> loginResponse(LoginResult result) {
        if (result instanceof LoginResult.MfaRequired mfa) {
            return ResponseEntity.ok(Map.of("mfaRequired", true, "mfaToken", mfa.mfaToken()));
        }
        if (result instanceof LoginResult.InvalidMfaCode) {
            return problem(HttpStatus.UNAUTHORIZED, "invalid-mfa-code", "Invalid code",
                    "The code is wrong, expired or was used already. Use the current code from the authenticator app, or a backup code.");
        }
        if (result instanceof LoginResult.InvalidMfaChallenge) {
            return problem(HttpStatus.UNAUTHORIZED, "invalid-mfa-token", "Login step expired",
                    "The login step is unknown, used or expired. Log in again with the password.");
        }
        if (result instanceof LoginResult.LoggedIn loggedIn) {
            return ResponseEntity.ok(Tokens.of(loggedIn.tokens()));
        }
        if (result instanceof LoginResult.EmailNotVerified) {
            return problem(HttpStatus.FORBIDDEN, "email-not-verified", "Email not verified",
                    "Verify your email address first: follow the link we sent, or ask for a new one at /api/v1/auth/resend-verification.");
        }
        if (result instanceof LoginResult.LockedOut locked) {
            long seconds = ProblemResponses.retryAfterSeconds(locked.retryAfter());
            ResponseEntity<?> tooMany = problem(HttpStatus.TOO_MANY_REQUESTS, "login-locked", "Too many failed logins",
                    "Too many failed logins. Try again in %d seconds, or reset the password.".formatted(seconds));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                    .body(tooMany.getBody());
        }
        if (result instanceof LoginResult.AccountDisabled) {
            return problem(HttpStatus.FORBIDDEN, "account-disabled", "Account disabled",
                    "This account has been disabled. Please contact the motel.");
        }
        return problem(HttpStatus.UNAUTHORIZED, "bad-credentials", "Login failed", "The email address or the password is incorrect.");
    }

    @Operation(summary = "Trade a refresh token for a new pair",
            description = "401 problems: invalid-refresh-token, refresh-token-reused (the session ends), session-expired (the session "
                    + "reached its absolute lifetime or idle timeout, and ends).")
    @ApiResponse(responseCode = "200", description = "A new token pair; the old refresh token is spent", content = @Content(schema = @Schema(implementation = Tokens.class)))
    @PostMapping("/refresh")
    ResponseEntity<?> refresh(@Valid @RequestBody IdentityRequests.Refresh request, HttpServletRequest http) {
        RefreshResult result = refresh.refresh(request.refreshToken(), ClientDevice.of(http));
        if (result instanceof RefreshResult.Refreshed refreshed) {
            return ResponseEntity.ok(Tokens.of(refreshed.tokens()));
        }
        if (result instanceof RefreshResult.SessionExpired) {
            return problem(HttpStatus.UNAUTHORIZED, "session-expired", "Session expired",
                    "The session reached its time limit or was unused for too long, and has ended. Log in again.");
        }
        if (result instanceof RefreshResult.Reused) {
            return problem(HttpStatus.UNAUTHORIZED, "refresh-token-reused", "Refresh token reused",
                    "This refresh token was already used once, so the session has been ended as a precaution. Log in again.");
        }
        return problem(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Invalid refresh token",
                "The refresh token is unknown, expired or belongs to an ended session. Log in again.");
    }

    @Operation(summary = "End this session")
    @ApiResponse(responseCode = "204", description = "Logged out; the access token is revoked")
    @PostMapping("/logout")
    ResponseEntity<Void> logOut(@AuthenticationPrincipal AccessTokenClaims caller) {
        logOut.logOut(caller);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "End every session of the account")
    @ApiResponse(responseCode = "204", description = "Every session ended")
    @PostMapping("/logout-all")
    ResponseEntity<Void> logOutEverywhere(@AuthenticationPrincipal AccessTokenClaims caller) {
        logOut.logOutEverywhere(caller);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Prove the email address with the token from the email",
            description = "Verifying claims no booking made without an account under the address: the link proves the mailbox, not who "
                    + "chose the account's password. The website links such bookings when the same browser both verifies and logs in "
                    + "to the account (see the README's \"The website\").")
    @ApiResponse(responseCode = "200", description = "The address is verified", content = @Content(schema = @Schema(implementation = IdentityResponses.EmailVerified.class)))
    @PostMapping("/verify-email")
    ResponseEntity<?> verifyEmail(@Valid @RequestBody IdentityRequests.Token request) {
        if (verifyEmail.verifyEmail(request.token()).isEmpty()) {
            return invalidLink();
        }
        return ResponseEntity.ok(Map.of("emailVerified", true));
    }

    @Operation(summary = "Send the verification email again")
    @ApiResponse(responseCode = "202", description = "The same answer whether or not the address has an account", content = @Content(schema = @Schema(implementation = IdentityResponses.Accepted.class)))
    @PostMapping("/resend-verification")
    ResponseEntity<Map<String, String>> resendVerification(@Valid @RequestBody IdentityRequests.Email request, HttpServletRequest http) {
        // Over the limit the answer stays the same and simply no email goes out.
        if (admit.admitForAccount(RequestKind.VERIFICATION, ClientAddresses.of(http), request.email()).admitted()) {
            verifyEmail.resendVerification(request.email());
        }
        return ResponseEntity.accepted().body(Map.of("message", NO_ENUMERATION));
    }

    @Operation(summary = "Ask for a password reset email")
    @ApiResponse(responseCode = "202", description = "The same answer whether or not the address has an account", content = @Content(schema = @Schema(implementation = IdentityResponses.Accepted.class)))
    @PostMapping("/forgot-password")
    ResponseEntity<Map<String, String>> forgotPassword(@Valid @RequestBody IdentityRequests.Email request, HttpServletRequest http) {
        if (admit.admitForAccount(RequestKind.PASSWORD_RESET, ClientAddresses.of(http), request.email()).admitted()) {
            resetPassword.requestPasswordReset(request.email());
        }
        return ResponseEntity.accepted().body(Map.of("message", NO_ENUMERATION));
    }

    /** A POST, so that the token never sits in a URL that a proxy or the server logs; GET answers 405. */
    @Operation(summary = "Check a password-reset link before asking for a new password",
            description = "The token travels in the body, never in the URL. Answers {\"valid\": true|false}; the token is not used up.")
    @ApiResponse(responseCode = "200", description = "Whether the token can still reset a password", content = @Content(schema = @Schema(implementation = IdentityResponses.ResetTokenValidity.class)))
    @PostMapping("/validate-reset-token")
    Map<String, Boolean> validateResetToken(@Valid @RequestBody IdentityRequests.Token request) {
        return Map.of("valid", resetPassword.isResetTokenValid(request.token()));
    }

    @Operation(summary = "Set a new password with the reset token")
    @ApiResponse(responseCode = "204", description = "Password changed; every session ended")
    @PostMapping("/reset-password")
    ResponseEntity<?> resetPassword(@Valid @RequestBody IdentityRequests.ResetPassword request) {
        ResetResult result = resetPassword.resetPassword(request.token(), request.newPassword());
        if (result instanceof ResetResult.Done) {
            return ResponseEntity.noContent().build();
        }
        if (result instanceof ResetResult.PasswordRefused refused) {
            return weakPassword("newPassword", refused.reason(), refused.advice());
        }
        return invalidLink();
    }

    static ResponseEntity<?> weakPassword(String field, String reason, String advice) {
        var response = fieldProblem(HttpStatus.BAD_REQUEST, "weak-password", "Password not accepted", field, reason);
        response.getBody().setProperty("advice", advice);
        return response;
    }

    private static ResponseEntity<?> invalidLink() {
        return problem(HttpStatus.BAD_REQUEST, "invalid-token", "Invalid or expired link",
                "The link is invalid, was already used, or has expired. Ask for a new one.");
    }
}
