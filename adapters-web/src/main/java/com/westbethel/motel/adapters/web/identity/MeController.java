package com.westbethel.motel.adapters.web.identity;

import static com.westbethel.motel.adapters.web.problem.Problems.fieldProblem;
import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase.ChangeResult;
import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase;
import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase.SessionView;
import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase;
import com.westbethel.motel.application.identity.port.in.UserView;
import com.westbethel.motel.application.identity.port.in.ViewLoginHistoryUseCase.LoginHistoryEntry;
import com.westbethel.motel.application.identity.port.in.ViewLoginHistoryUseCase;
import com.westbethel.motel.application.identity.port.in.ViewProfileUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.SessionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/users/me: the caller's own account, password and sessions. */
@Tag(name = "Account")
@RestController
@RequestMapping("/api/v1/users/me")
class MeController {

    private final ViewProfileUseCase profile;
    private final ChangePasswordUseCase changePassword;
    private final ManageSessionsUseCase sessions;
    private final ViewLoginHistoryUseCase loginHistory;

    MeController(ViewProfileUseCase profile, ChangePasswordUseCase changePassword, ManageSessionsUseCase sessions,
            ViewLoginHistoryUseCase loginHistory) {
        this.loginHistory = loginHistory;
        this.profile = profile;
        this.changePassword = changePassword;
        this.sessions = sessions;
    }

    @Operation(summary = "The caller's profile")
    @ApiResponse(responseCode = "200", description = "The profile", content = @Content(schema = @Schema(implementation = UserView.class)))
    @GetMapping
    ResponseEntity<?> me(@AuthenticationPrincipal AccessTokenClaims caller) {
        return profile.profile(caller.user())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "The account no longer exists."));
    }

    @Operation(summary = "Change the password", description = "A wrong current password counts towards the re-authentication lock "
            + "shared with MFA set-up and disabling (429 reauthentication-locked with Retry-After).")
    @ApiResponse(responseCode = "204", description = "Changed; other sessions ended")
    @PostMapping("/password")
    ResponseEntity<?> changePassword(@AuthenticationPrincipal AccessTokenClaims caller,
            @Valid @RequestBody IdentityRequests.ChangePassword request) {
        ChangeResult result = changePassword.changePassword(caller, request.currentPassword(), request.newPassword());
        if (result instanceof ChangeResult.Changed) {
            return ResponseEntity.noContent().build();
        }
        if (result instanceof ChangeResult.PasswordRefused refused) {
            return AuthController.weakPassword("newPassword", refused.reason(), refused.advice());
        }
        if (result instanceof ChangeResult.LockedOut locked) {
            return MfaController.reauthenticationLocked(locked.retryAfter());
        }
        return fieldProblem(HttpStatus.BAD_REQUEST, "wrong-password", "Wrong password", "currentPassword",
                "The current password is incorrect.");
    }

    @Operation(summary = "The caller's active sessions")
    @GetMapping("/sessions")
    List<SessionView> sessions(@AuthenticationPrincipal AccessTokenClaims caller) {
        return sessions.sessions(caller);
    }

    @Operation(summary = "The caller's recent logins and failures")
    @GetMapping("/login-history")
    List<LoginHistoryEntry> loginHistory(@AuthenticationPrincipal AccessTokenClaims caller) {
        return loginHistory.loginHistory(caller);
    }

    @Operation(summary = "End one of the caller's sessions")
    @ApiResponse(responseCode = "204", description = "The session is ended")
    @DeleteMapping("/sessions/{id}")
    ResponseEntity<?> endSession(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        if (!sessions.endSession(caller, new SessionId(id))) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "You have no active session with id " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }
}
