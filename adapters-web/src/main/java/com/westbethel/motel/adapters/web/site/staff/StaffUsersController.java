package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.UserSummary;
import com.westbethel.motel.application.identity.port.in.ManageUserAccountsUseCase;
import com.westbethel.motel.application.identity.port.in.ManageUserAccountsUseCase.Change;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.UserId;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /staff/admin/users} (admins only): the accounts, searched by email with a GET form, 20 to a page; lock and unlock,
 * and the staff and admin roles given and taken, each a POST form answered with a redirect back to the same search and
 * page and a line saying what was done (or why not: your own account, the last admin).
 */
@Controller
class StaffUsersController {

    static final int PAGE_SIZE = 20;
    private static final int MAX_SEARCH = 320;

    private final ManageUserAccountsUseCase accounts;

    StaffUsersController(ManageUserAccountsUseCase accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/staff/admin/users")
    String users(@AuthenticationPrincipal AccessTokenClaims caller, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "0") int page, Model model) {
        if (page < 0 || email.length() > MAX_SEARCH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        var found = accounts.users(email, page, PAGE_SIZE);
        model.addAttribute("email", email.strip());
        model.addAttribute("found", found);
        model.addAttribute("users", found.items().stream().map(user -> UserLine.of(user, caller.user().value())).toList());
        model.addAttribute("lastPage", Math.max(0, (found.totalItems() - 1) / PAGE_SIZE));
        return "staff/admin-users";
    }

    @PostMapping("/staff/admin/users/{id}/lock")
    String lock(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "0") int page, RedirectAttributes flash) {
        return done(accounts.lock(caller.user(), new UserId(id)), "Could not lock the account: ", email, page, flash);
    }

    @PostMapping("/staff/admin/users/{id}/unlock")
    String unlock(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "0") int page, RedirectAttributes flash) {
        return done(accounts.unlock(caller.user(), new UserId(id)), "Could not unlock the account: ", email, page, flash);
    }

    /** @param change {@code grant} or {@code revoke}; @param role {@code staff} or {@code admin} */
    @PostMapping("/staff/admin/users/{id}/roles")
    String roles(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String change, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "0") int page, RedirectAttributes flash) {
        Role known = switch (role) {
            case "staff" -> Role.STAFF;
            case "admin" -> Role.ADMIN;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
        return switch (change) {
            case "grant" -> done(accounts.grant(caller.user(), new UserId(id), known), "Could not give the role: ", email, page, flash);
            case "revoke" -> done(accounts.revoke(caller.user(), new UserId(id), known), "Could not take the role: ", email, page, flash);
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
    }

    /** An account as a row of the list: whether it is the admin's own decides which buttons it has. */
    record UserLine(UUID id, String email, String name, boolean staff, boolean admin, boolean locked, boolean mfa, boolean self) {

        static UserLine of(UserSummary user, UUID me) {
            return new UserLine(user.id(), user.email(), user.name(), user.roles().contains(Role.STAFF), user.roles().contains(Role.ADMIN),
                    user.locked(), user.mfa(), user.id().equals(me));
        }
    }

    /** Back to the list that was shown (redirect after post), with what happened in the status line. */
    private static String done(Change change, String refused, String email, int page, RedirectAttributes flash) {
        if (change instanceof Change.Done done) {
            flash.addFlashAttribute("notice", done.user().email() + ": " + done.what() + ".");
        } else if (change instanceof Change.Refused refusal) {
            flash.addFlashAttribute("problem", refused + refusal.reason());
        } else {
            flash.addFlashAttribute("problem", refused + "there is no such account.");
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/staff/admin/users");
        if (!email.isBlank() && email.length() <= MAX_SEARCH) {
            back.queryParam("email", email.strip());
        }
        if (page > 0) {
            back.queryParam("page", page);
        }
        return "redirect:" + back.encode().build().toUriString();
    }
}
