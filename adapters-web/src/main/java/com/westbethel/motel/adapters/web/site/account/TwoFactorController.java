package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.adapters.web.security.QrCodes;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.ConfirmResult;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.DisableResult;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.SetupResult;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.SecretCipher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
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

/**
 * {@code /account/two-factor}: turning two-factor login on (the current password, then the QR code or the secret for an
 * authenticator app, then a first code; the ten backup codes are shown once), renewing the backup codes, turning it off.
 * While a set-up is under way its secret waits in the web session, sealed with the MFA encryption key, so that a mistyped
 * code can be tried again.
 */
@Controller
class TwoFactorController {

    private static final String PENDING_SETUP = TwoFactorController.class.getName() + ".PENDING_SETUP";
    private static final String OVERVIEW_VIEW = "site/account/two-factor";
    private static final String SETUP_VIEW = "site/account/two-factor-setup";
    private static final String CODES_VIEW = "site/account/backup-codes";
    private static final String OVERVIEW = "redirect:/account/two-factor";

    private final ManageMfaUseCase mfa;
    private final SecretCipher cipher;

    TwoFactorController(ManageMfaUseCase mfa, SecretCipher cipher) {
        this.mfa = mfa;
        this.cipher = cipher;
    }

    /** A password (set-up), a code (confirm, renew) or either (turn off): one form shape for each step. */
    static final class ProofForm {
        private String password = "";
        private String code = "";

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password == null ? "" : password;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code == null ? "" : code.replaceAll("\\s", "");
        }
    }

    /** The secret and its {@code otpauth:} URI, each sealed: the session table holds no TOTP secret in clear. */
    record PendingSetup(String sealedSecret, String sealedOtpauthUri) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "PendingSetup[redacted]";
        }
    }

    @GetMapping("/account/two-factor")
    String overview(@AuthenticationPrincipal AccessTokenClaims caller, Model model) {
        return page(caller, model, new ProofForm(), new ProofForm(), new ProofForm());
    }

    @PostMapping("/account/two-factor/setup")
    String setUp(@AuthenticationPrincipal AccessTokenClaims caller, @ModelAttribute("setupForm") ProofForm form, BindingResult errors,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        Refusals.requireText(errors, "password", form.getPassword(), "Enter your password");
        if (errors.hasErrors()) {
            return again(caller, model, response, HttpStatus.BAD_REQUEST, form, new ProofForm(), new ProofForm());
        }
        SetupResult result = mfa.setUp(caller, form.getPassword());
        if (result instanceof SetupResult.Started started) {
            request.getSession(true).setAttribute(PENDING_SETUP, new PendingSetup(cipher.encrypt(started.secret()), cipher.encrypt(started.otpauthUri())));
            return "redirect:/account/two-factor/setup";
        }
        if (result instanceof SetupResult.WrongPassword) {
            errors.rejectValue("password", "wrong", "The password is incorrect");
            return again(caller, model, response, HttpStatus.BAD_REQUEST, form, new ProofForm(), new ProofForm());
        }
        if (result instanceof SetupResult.LockedOut locked) {
            locked(errors, response, locked.retryAfter());
            return again(caller, model, response, HttpStatus.TOO_MANY_REQUESTS, form, new ProofForm(), new ProofForm());
        }
        return OVERVIEW; // already on
    }

    @GetMapping("/account/two-factor/setup")
    String setUpPage(Model model, HttpServletRequest request) {
        Optional<PendingSetup> pending = pending(request);
        if (pending.isEmpty()) {
            return OVERVIEW;
        }
        return setUpView(model, pending.get(), new ProofForm());
    }

    @PostMapping("/account/two-factor/confirm")
    String confirm(@AuthenticationPrincipal AccessTokenClaims caller, @ModelAttribute("confirmForm") ProofForm form, BindingResult errors,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        Optional<PendingSetup> pending = pending(request);
        if (pending.isEmpty()) {
            return OVERVIEW;
        }
        Refusals.requireText(errors, "code", form.getCode(), "Enter the 6-digit code from your app");
        ConfirmResult result = errors.hasErrors() ? new ConfirmResult.InvalidCode() : mfa.confirm(caller, form.getCode());
        if (result instanceof ConfirmResult.Enabled enabled) {
            request.getSession().removeAttribute(PENDING_SETUP);
            return codes(model, enabled.backupCodes(), true);
        }
        if (result instanceof ConfirmResult.NotStarted) {
            request.getSession().removeAttribute(PENDING_SETUP);
            flash.addFlashAttribute("notice", "The set-up was interrupted. Start again.");
            return OVERVIEW;
        }
        if (!errors.hasErrors()) {
            errors.rejectValue("code", "invalid", "The code is wrong or expired. Enter the code your app shows now");
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return setUpView(model, pending.get(), form);
    }

    @PostMapping("/account/two-factor/backup-codes")
    String renewBackupCodes(@AuthenticationPrincipal AccessTokenClaims caller, @ModelAttribute("renewForm") ProofForm form,
            BindingResult errors, Model model, HttpServletResponse response) {
        Refusals.requireText(errors, "code", form.getCode(), "Enter the 6-digit code from your app");
        Optional<List<String>> fresh = errors.hasErrors() ? Optional.empty() : mfa.regenerateBackupCodes(caller, form.getCode());
        if (fresh.isPresent()) {
            return codes(model, fresh.get(), false);
        }
        if (!errors.hasErrors()) {
            errors.rejectValue("code", "invalid", "The code is wrong, expired or was used already. Enter the code your app shows now");
        }
        return again(caller, model, response, HttpStatus.BAD_REQUEST, new ProofForm(), form, new ProofForm());
    }

    @PostMapping("/account/two-factor/disable")
    String disable(@AuthenticationPrincipal AccessTokenClaims caller, @ModelAttribute("disableForm") ProofForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes flash) {
        if (form.getCode().isEmpty() && form.getPassword().isEmpty()) {
            errors.rejectValue("code", "required", "Enter a code from your app, a backup code, or your password");
            return again(caller, model, response, HttpStatus.BAD_REQUEST, new ProofForm(), new ProofForm(), form);
        }
        DisableResult result = mfa.disable(caller, Optional.of(form.getCode()).filter(code -> !code.isEmpty()),
                Optional.of(form.getPassword()).filter(password -> !password.isEmpty()));
        if (result instanceof DisableResult.Disabled) {
            flash.addFlashAttribute("notice", "Two-factor login is off. We sent you an email about it.");
            return OVERVIEW;
        }
        if (result instanceof DisableResult.LockedOut locked) {
            locked(errors, response, locked.retryAfter());
            return again(caller, model, response, HttpStatus.TOO_MANY_REQUESTS, new ProofForm(), new ProofForm(), form);
        }
        errors.reject("refused", "Two-factor login is still on: neither the code nor the password was right.");
        return again(caller, model, response, HttpStatus.BAD_REQUEST, new ProofForm(), new ProofForm(), form);
    }

    /** The overview with its three forms; the one that was sent is the bound instance, so its errors show beside it. */
    private String page(AccessTokenClaims caller, Model model, ProofForm setup, ProofForm renew, ProofForm disable) {
        model.addAttribute("status", mfa.status(caller));
        model.addAttribute("setupForm", setup);
        model.addAttribute("renewForm", renew);
        model.addAttribute("disableForm", disable);
        return OVERVIEW_VIEW;
    }

    private String again(AccessTokenClaims caller, Model model, HttpServletResponse response, HttpStatus status, ProofForm setup, ProofForm renew,
            ProofForm disable) {
        response.setStatus(status.value());
        return page(caller, model, setup, renew, disable);
    }

    private String setUpView(Model model, PendingSetup pending, ProofForm form) {
        model.addAttribute("qrCode", "data:image/png;base64," + QrCodes.base64Png(cipher.decrypt(pending.sealedOtpauthUri())));
        model.addAttribute("secret", cipher.decrypt(pending.sealedSecret()).replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("confirmForm", form);
        return SETUP_VIEW;
    }

    private static String codes(Model model, List<String> codes, boolean justEnabled) {
        model.addAttribute("codes", codes);
        model.addAttribute("justEnabled", justEnabled);
        return CODES_VIEW;
    }

    private static void locked(BindingResult errors, HttpServletResponse response, Duration retryAfter) {
        long seconds = Refusals.retryAfter(response, retryAfter);
        errors.reject("reauthentication-locked", "Too many wrong passwords or codes. Try again in %d seconds.".formatted(seconds));
    }

    private static Optional<PendingSetup> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PENDING_SETUP) instanceof PendingSetup pending ? Optional.of(pending) : Optional.empty();
    }
}
