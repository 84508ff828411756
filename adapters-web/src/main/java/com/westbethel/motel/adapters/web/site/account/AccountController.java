package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.adapters.web.security.SiteSessions;
import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase;
import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase.ChangeResult;
import com.westbethel.motel.application.identity.port.in.UserView;
import com.westbethel.motel.application.identity.port.in.ViewProfileUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account}: the profile and the way to every account page; {@code /account/password}: changing the password. */
@Controller
class AccountController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String PASSWORD_VIEW = "site/account/password";

    private final ViewProfileUseCase profile;
    private final ChangePasswordUseCase changePassword;

    AccountController(ViewProfileUseCase profile, ChangePasswordUseCase changePassword) {
        this.profile = profile;
        this.changePassword = changePassword;
    }

    static final class PasswordForm {
        private String currentPassword = "";
        private String newPassword = "";

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword == null ? "" : currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword == null ? "" : newPassword;
        }
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal AccessTokenClaims caller, Model model, HttpServletRequest request) {
        Optional<UserView> user = profile.profile(caller.user());
        if (user.isEmpty()) {
            // The account is gone (deleted by an administrator): nothing left to show.
            SiteSessions.end(request);
            return "redirect:/login";
        }
        model.addAttribute("user", user.get());
        model.addAttribute("memberSince", DAY.format(user.get().createdAt()));
        return "site/account/profile";
    }

    @GetMapping("/account/password")
    String passwordPage(Model model) {
        model.addAttribute("form", new PasswordForm());
        model.addAttribute("passwordHint", Refusals.PASSWORD_HINT);
        return PASSWORD_VIEW;
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal AccessTokenClaims caller, @ModelAttribute("form") PasswordForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes flash) {
        model.addAttribute("passwordHint", Refusals.PASSWORD_HINT);
        Refusals.requireText(errors, "currentPassword", form.getCurrentPassword(), "Enter your current password");
        Refusals.requireText(errors, "newPassword", form.getNewPassword(), "Choose a new password");
        if (errors.hasErrors()) {
            return Refusals.again(response, HttpStatus.BAD_REQUEST, PASSWORD_VIEW);
        }
        ChangeResult result = changePassword.changePassword(caller, form.getCurrentPassword(), form.getNewPassword());
        if (result instanceof ChangeResult.Changed) {
            flash.addFlashAttribute("notice", "Your password is changed. You were logged out on every other device.");
            return "redirect:/account";
        }
        if (result instanceof ChangeResult.WrongCurrentPassword) {
            errors.rejectValue("currentPassword", "wrong", "The current password is incorrect");
            return Refusals.again(response, HttpStatus.BAD_REQUEST, PASSWORD_VIEW);
        }
        if (result instanceof ChangeResult.LockedOut locked) {
            long seconds = Refusals.retryAfter(response, locked.retryAfter());
            errors.reject("reauthentication-locked", "Too many wrong passwords or codes. Try again in %d seconds.".formatted(seconds));
            return Refusals.again(response, HttpStatus.TOO_MANY_REQUESTS, PASSWORD_VIEW);
        }
        ChangeResult.PasswordRefused refused = (ChangeResult.PasswordRefused) result;
        errors.rejectValue("newPassword", "weak", refused.reason());
        model.addAttribute("passwordAdvice", refused.advice());
        return Refusals.again(response, HttpStatus.BAD_REQUEST, PASSWORD_VIEW);
    }
}
