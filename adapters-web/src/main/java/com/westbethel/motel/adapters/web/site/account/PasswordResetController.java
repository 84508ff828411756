package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.adapters.web.security.ClientAddresses;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase.ResetResult;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase.RequestKind;
import com.westbethel.motel.domain.shared.EmailAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A forgotten password: {@code /forgot-password} (the same answer for every address, so it tells nobody which have
 * accounts) and {@code /reset-password?token=}, the reset email's link. Opening the link only checks the token; the new
 * password, sent with it, uses it up, ends every session of the account, and the visitor logs in again.
 */
@Controller
class PasswordResetController {

    private static final String FORGOT_VIEW = "site/account/forgot-password";
    private static final String RESET_VIEW = "site/account/reset-password";

    private final ResetPasswordUseCase resetPassword;
    private final AdmitRequestUseCase admit;

    PasswordResetController(ResetPasswordUseCase resetPassword, AdmitRequestUseCase admit) {
        this.resetPassword = resetPassword;
        this.admit = admit;
    }

    static final class ForgotForm {
        private String email = "";

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = Refusals.text(email);
        }
    }

    /** The token travels in the form, as it came in the link; the new password never comes back in the page. */
    static final class ResetForm {
        private String token = "";
        private String newPassword = "";

        public String getToken() {
            return token;
        }

        public void setToken(String token) {
            this.token = Refusals.text(token);
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword == null ? "" : newPassword;
        }
    }

    @ModelAttribute("passwordHint")
    String passwordHint() {
        return Refusals.PASSWORD_HINT;
    }

    @GetMapping("/forgot-password")
    String forgotPage(Model model) {
        model.addAttribute("form", new ForgotForm());
        return FORGOT_VIEW;
    }

    @PostMapping("/forgot-password")
    String forgot(@ModelAttribute("form") ForgotForm form, BindingResult errors, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes flash) {
        Refusals.requireEmail(errors, "email", form.getEmail());
        if (errors.hasErrors()) {
            return Refusals.again(response, HttpStatus.BAD_REQUEST, FORGOT_VIEW);
        }
        // Over the per-account limit the answer stays the same and simply no email goes out, as on the API.
        if (admit.admitForAccount(RequestKind.PASSWORD_RESET, ClientAddresses.of(request), form.getEmail()).admitted()) {
            resetPassword.requestPasswordReset(form.getEmail());
        }
        flash.addFlashAttribute("email", new EmailAddress(form.getEmail()).value());
        return "redirect:/forgot-password/sent";
    }

    @GetMapping("/forgot-password/sent")
    String sent() {
        return "site/account/reset-sent";
    }

    /** The link in the reset email: the form when the token still works (checking it does not use it up), else why not. */
    @GetMapping("/reset-password")
    String resetPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        if (token.isBlank() || !resetPassword.isResetTokenValid(token)) {
            model.addAttribute("state", "invalid");
            return Refusals.again(response, HttpStatus.BAD_REQUEST, RESET_VIEW);
        }
        ResetForm form = new ResetForm();
        form.setToken(token);
        model.addAttribute("form", form);
        model.addAttribute("state", "ready");
        return RESET_VIEW;
    }

    @PostMapping("/reset-password")
    String reset(@ModelAttribute("form") ResetForm form, BindingResult errors, Model model, HttpServletResponse response) {
        Refusals.requireText(errors, "newPassword", form.getNewPassword(), "Choose a new password");
        if (errors.hasErrors()) {
            model.addAttribute("state", "ready");
            return Refusals.again(response, HttpStatus.BAD_REQUEST, RESET_VIEW);
        }
        ResetResult result = resetPassword.resetPassword(form.getToken(), form.getNewPassword());
        if (result instanceof ResetResult.Done) {
            model.addAttribute("state", "done");
            return RESET_VIEW;
        }
        if (result instanceof ResetResult.PasswordRefused refused) {
            errors.rejectValue("newPassword", "weak", refused.reason());
            model.addAttribute("passwordAdvice", refused.advice());
            model.addAttribute("state", "ready");
            return Refusals.again(response, HttpStatus.BAD_REQUEST, RESET_VIEW);
        }
        model.addAttribute("state", "invalid");
        return Refusals.again(response, HttpStatus.BAD_REQUEST, RESET_VIEW);
    }
}
