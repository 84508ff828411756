package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.adapters.web.security.ClientDevice;
import com.westbethel.motel.adapters.web.security.SiteSessions;
import com.westbethel.motel.adapters.web.site.LocalPaths;
import com.westbethel.motel.application.identity.port.in.CompleteMfaLoginUseCase;
import com.westbethel.motel.application.identity.port.in.LogInUseCase;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LogInCommand;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.in.LogOutUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Logging in and out of the website: {@code /login} (email and password), {@code /login/two-factor} (the code from the
 * authenticator or a backup code), {@code POST /logout}. The same input ports as the API's {@code /api/v1/auth/login}
 * and {@code /mfa/verify}, so the same lockouts and hardening rules; the resulting token pair goes into the web session
 * ({@link SiteSessions}), never into the page or a cookie.
 */
@Controller
class LoginController {

    /** Where a login goes when the link did not say ({@code ?next=}). */
    static final String AFTER_LOGIN = "/account";
    private static final String PENDING_MFA = LoginController.class.getName() + ".PENDING_MFA";
    private static final String LOGIN_VIEW = "site/account/login";
    private static final String TWO_FACTOR_VIEW = "site/account/two-factor-login";

    private final LogInUseCase logIn;
    private final CompleteMfaLoginUseCase completeLogin;
    private final LogOutUseCase logOut;
    private final MailboxProofs mailboxProofs;
    private final SiteSessions siteSessions;

    LoginController(LogInUseCase logIn, CompleteMfaLoginUseCase completeLogin, LogOutUseCase logOut, MailboxProofs mailboxProofs,
            SiteSessions siteSessions) {
        this.logIn = logIn;
        this.completeLogin = completeLogin;
        this.logOut = logOut;
        this.mailboxProofs = mailboxProofs;
        this.siteSessions = siteSessions;
    }

    /** The login form; {@code next} is where to go afterwards, a path of this site only. */
    static final class LoginForm {
        private String email = "";
        private String password = "";
        private String next = "";

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email == null ? "" : email.strip();
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password == null ? "" : password;
        }

        public String getNext() {
            return next;
        }

        public void setNext(String next) {
            this.next = LocalPaths.orElse(next, "");
        }
    }

    static final class CodeForm {
        private String code = "";

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            // Pasted or read-out codes come with spaces ("123 456"); backup codes' dashes and case do not matter either.
            this.code = code == null ? "" : code.replaceAll("\\s", "");
        }
    }

    /** The first step passed; the second step's token waits here, sealed, never in the page. */
    record PendingMfa(String sealedMfaToken, String next) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "PendingMfa[redacted]";
        }
    }

    @GetMapping("/login")
    String loginPage(@RequestParam(defaultValue = "") String next, @AuthenticationPrincipal AccessTokenClaims caller, Model model) {
        if (caller != null) {
            return "redirect:" + LocalPaths.orElse(next, AFTER_LOGIN);
        }
        LoginForm form = new LoginForm();
        form.setNext(next);
        model.addAttribute("form", form);
        return LOGIN_VIEW;
    }

    @PostMapping("/login")
    String logIn(@ModelAttribute("form") LoginForm form, BindingResult errors, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Refusals.requireText(errors, "email", form.getEmail(), "Enter your email address");
        Refusals.requireText(errors, "password", form.getPassword(), "Enter your password");
        if (errors.hasErrors()) {
            return Refusals.again(response, HttpStatus.BAD_REQUEST, LOGIN_VIEW);
        }
        LoginResult result = logIn.logIn(new LogInCommand(form.getEmail(), form.getPassword(), ClientDevice.of(request)));
        if (result instanceof LoginResult.LoggedIn loggedIn) {
            siteSessions.logIn(request, loggedIn.tokens());
            mailboxProofs.loggedIn(request, loggedIn.tokens());
            return "redirect:" + LocalPaths.orElse(form.getNext(), AFTER_LOGIN);
        }
        if (result instanceof LoginResult.MfaRequired mfa) {
            request.getSession(true).setAttribute(PENDING_MFA, new PendingMfa(siteSessions.seal(mfa.mfaToken()), form.getNext()));
            return "redirect:/login/two-factor";
        }
        if (result instanceof LoginResult.EmailNotVerified) {
            model.addAttribute("unverified", true);
            errors.reject("email-not-verified", "Verify your email address first: follow the link in the email we sent you.");
            return Refusals.again(response, HttpStatus.FORBIDDEN, LOGIN_VIEW);
        }
        if (result instanceof LoginResult.AccountDisabled) {
            errors.reject("account-disabled", "This account has been disabled. Please contact the motel.");
            return Refusals.again(response, HttpStatus.FORBIDDEN, LOGIN_VIEW);
        }
        if (result instanceof LoginResult.LockedOut locked) {
            errors.reject("login-locked", "Too many failed logins. Try again in %d seconds, or reset your password."
                    .formatted(Refusals.retryAfter(response, locked.retryAfter())));
            return Refusals.again(response, HttpStatus.TOO_MANY_REQUESTS, LOGIN_VIEW);
        }
        // BadCredentials (the MFA results cannot come from the first step).
        errors.reject("bad-credentials", "The email address or the password is incorrect.");
        return Refusals.again(response, HttpStatus.BAD_REQUEST, LOGIN_VIEW);
    }

    /** The code from the app (a numeric keypad on phones), or with {@code ?backup} a backup code (letters and digits). */
    @GetMapping("/login/two-factor")
    String twoFactorPage(@RequestParam(required = false) String backup, HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING_MFA) instanceof PendingMfa)) {
            return "redirect:/login";
        }
        model.addAttribute("form", new CodeForm());
        model.addAttribute("backup", backup != null);
        return TWO_FACTOR_VIEW;
    }

    @PostMapping("/login/two-factor")
    String completeLogin(@ModelAttribute("form") CodeForm form, BindingResult errors, @RequestParam(required = false) String backup,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        model.addAttribute("backup", backup != null);
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING_MFA) instanceof PendingMfa pending)) {
            flash.addFlashAttribute("notice", "Your login took too long. Log in again with your password.");
            return "redirect:/login";
        }
        if (form.getCode().isEmpty()) {
            errors.rejectValue("code", "required", "Enter the code from your authenticator app, or a backup code");
            return Refusals.again(response, HttpStatus.BAD_REQUEST, TWO_FACTOR_VIEW);
        }
        LoginResult result = completeLogin.completeLogin(siteSessions.unseal(pending.sealedMfaToken()), form.getCode(), ClientDevice.of(request));
        if (result instanceof LoginResult.LoggedIn loggedIn) {
            session.removeAttribute(PENDING_MFA);
            siteSessions.logIn(request, loggedIn.tokens());
            mailboxProofs.loggedIn(request, loggedIn.tokens());
            return "redirect:" + LocalPaths.orElse(pending.next(), AFTER_LOGIN);
        }
        if (result instanceof LoginResult.InvalidMfaCode) {
            errors.rejectValue("code", "invalid",
                    "The code is wrong, expired or was used already. Enter the current code from your app, or a backup code");
            return Refusals.again(response, HttpStatus.BAD_REQUEST, TWO_FACTOR_VIEW);
        }
        if (result instanceof LoginResult.LockedOut locked) {
            long seconds = Refusals.retryAfter(response, locked.retryAfter());
            errors.reject("login-locked", "Too many failed tries. Try again in %d seconds.".formatted(seconds));
            return Refusals.again(response, HttpStatus.TOO_MANY_REQUESTS, TWO_FACTOR_VIEW);
        }
        // InvalidMfaChallenge: the first step's token is unknown, used or expired; start again with the password.
        session.removeAttribute(PENDING_MFA);
        flash.addFlashAttribute("notice", "Your login took too long. Log in again with your password.");
        return "redirect:/login";
    }

    /**
     * Ends the account session (its tokens are revoked, as by the API's logout) and the web session, and says so on the
     * login page. A visitor whose session already ended (the page stayed open past it; the security chain lets this
     * through without a CSRF token then) is told the same, and nothing changes: a web session without an account (a
     * booking under way) is left as it is.
     */
    @PostMapping("/logout")
    String logOut(@AuthenticationPrincipal AccessTokenClaims caller, HttpServletRequest request, RedirectAttributes flash) {
        if (caller != null) {
            logOut.logOut(caller);
            SiteSessions.end(request);
        }
        flash.addFlashAttribute("notice", "You are logged out.");
        return "redirect:/login";
    }
}
