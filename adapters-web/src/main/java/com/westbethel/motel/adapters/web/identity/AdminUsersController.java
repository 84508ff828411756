package com.westbethel.motel.adapters.web.identity;

import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.UserSummary;
import com.westbethel.motel.application.identity.port.in.ManageUserAccountsUseCase;
import com.westbethel.motel.application.identity.port.in.ManageUserAccountsUseCase.Change;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/admin/users (admins only): the accounts, searched by email a page at a time; locking and unlocking; the staff and
 * admin roles given and taken. Each change is audited under the admin's user id; a refused one (your own account, the last
 * admin) is a 409 {@code account-change-refused}.
 */
@Tag(name = "Admin: users")
@RestController
@RequestMapping("/api/v1/admin/users")
class AdminUsersController {

    private final ManageUserAccountsUseCase accounts;

    AdminUsersController(ManageUserAccountsUseCase accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Accounts, newest first, a page at a time; email= keeps those whose address contains it")
    @ApiResponse(responseCode = "200", description = "A page of accounts", content = @Content(schema = @Schema(implementation = UserPageJson.class)))
    @GetMapping
    ResponseEntity<?> users(@Parameter(description = "Text the address contains, any case (at most 320 characters)") @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "0") int page, @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > ManageUserAccountsUseCase.MAX_PAGE_SIZE || email.length() > 320) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "page is 0 or more, size 1 to 100, and email at most 320 characters.");
        }
        var found = accounts.users(email, page, size);
        return ResponseEntity.ok(new UserPageJson(found.items().stream().map(UserJson::of).toList(), found.page(), found.size(), found.totalItems()));
    }

    @Operation(summary = "Lock an account: no login, every session ended")
    @ApiResponse(responseCode = "200", description = "Locked (or already was)", content = @Content(schema = @Schema(implementation = ChangeJson.class)))
    @PostMapping("/{id}/lock")
    ResponseEntity<?> lock(@AuthenticationPrincipal AccessTokenClaims admin, @PathVariable UUID id) {
        return answer(accounts.lock(admin.user(), new UserId(id)));
    }

    @Operation(summary = "Unlock an account")
    @ApiResponse(responseCode = "200", description = "Unlocked (or was not locked)", content = @Content(schema = @Schema(implementation = ChangeJson.class)))
    @PostMapping("/{id}/unlock")
    ResponseEntity<?> unlock(@AuthenticationPrincipal AccessTokenClaims admin, @PathVariable UUID id) {
        return answer(accounts.unlock(admin.user(), new UserId(id)));
    }

    @Operation(summary = "Give an account the staff or admin role; its sessions end, so that its next login carries the role")
    @ApiResponse(responseCode = "200", description = "Given (or already held)", content = @Content(schema = @Schema(implementation = ChangeJson.class)))
    @PutMapping("/{id}/roles/{role}")
    ResponseEntity<?> grant(@AuthenticationPrincipal AccessTokenClaims admin, @PathVariable UUID id,
            @Parameter(schema = @Schema(allowableValues = {"staff", "admin"})) @PathVariable String role) {
        return withRole(role, known -> answer(accounts.grant(admin.user(), new UserId(id), known)));
    }

    @Operation(summary = "Take the staff or admin role from an account; its sessions end. An account left with no role is a guest's")
    @ApiResponse(responseCode = "200", description = "Taken (or not held)", content = @Content(schema = @Schema(implementation = ChangeJson.class)))
    @DeleteMapping("/{id}/roles/{role}")
    ResponseEntity<?> revoke(@AuthenticationPrincipal AccessTokenClaims admin, @PathVariable UUID id,
            @Parameter(schema = @Schema(allowableValues = {"staff", "admin"})) @PathVariable String role) {
        return withRole(role, known -> answer(accounts.revoke(admin.user(), new UserId(id), known)));
    }

    /** The roles given and taken here, by their name in a path; the guest role is every account's own. */
    static Optional<Role> staffOrAdmin(String role) {
        return switch (role) {
            case "staff" -> Optional.of(Role.STAFF);
            case "admin" -> Optional.of(Role.ADMIN);
            default -> Optional.empty();
        };
    }

    private static ResponseEntity<?> withRole(String role, Function<Role, ResponseEntity<?>> change) {
        return staffOrAdmin(role).<ResponseEntity<?>>map(change)
                .orElseGet(() -> problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "The role is staff or admin."));
    }

    private static ResponseEntity<?> answer(Change change) {
        if (change instanceof Change.Done done) {
            return ResponseEntity.ok(new ChangeJson(UserJson.of(done.user()), done.what()));
        }
        if (change instanceof Change.Refused refused) {
            return problem(HttpStatus.CONFLICT, "account-change-refused", "Account change refused", refused.reason());
        }
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "There is no such user.");
    }

    record UserJson(UUID id, String email, String name, List<Role> roles, boolean emailVerified, boolean locked,
            boolean mfa, Instant createdAt) {

        static UserJson of(UserSummary user) {
            return new UserJson(user.id(), user.email(), user.name(), user.roles().stream().sorted().toList(), user.emailVerified(), user.locked(),
                    user.mfa(), user.createdAt());
        }
    }

    record UserPageJson(List<UserJson> items, int page, int size, long totalItems) {
    }

    record ChangeJson(UserJson user, @Schema(example = "locked; every session ended") String what) {
    }
}
