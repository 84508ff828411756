package com.westbethel.motel.adapters.web.identity;

import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.identity.port.in.RevokeTokensUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/admin: revoking one access token, or everything a user holds. */
@Tag(name = "Admin: tokens")
@RestController
@RequestMapping("/api/v1/admin")
class AdminTokenController {

    private final RevokeTokensUseCase revoke;

    AdminTokenController(RevokeTokensUseCase revoke) {
        this.revoke = revoke;
    }

    @Operation(summary = "Revoke one access token by its jti")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @PostMapping("/tokens/revoke")
    ResponseEntity<Void> revokeToken(@AuthenticationPrincipal AccessTokenClaims admin, @Valid @RequestBody IdentityRequests.RevokeToken request) {
        revoke.revokeToken(admin.user(), request.jti());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Revoke everything a user holds, on every device")
    @ApiResponse(responseCode = "204", description = "Every token and session of the user is revoked")
    @PostMapping("/users/{id}/revoke-tokens")
    ResponseEntity<?> revokeAllTokensOf(@AuthenticationPrincipal AccessTokenClaims admin, @PathVariable UUID id) {
        if (!revoke.revokeAllTokensOf(admin.user(), new UserId(id))) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "There is no user with id " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }
}
