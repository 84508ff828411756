package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.adapters.web.security.ClientAddresses;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase.RegisterGuestCommand;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase.RegistrationResult;
import com.westbethel.motel.application.identity.port.in.VerifyEmailUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase.RequestKind;
import com.westbethel.motel.domain.shared.EmailAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
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
 * Opening an account and proving the email address: {@code /register}, the "check your email" page, and
 * {@code /verify-email?token=}, the verification email's link. Opening that link changes nothing (mail scanners fetch
 * every link): the page has one button that verifies. The same answer whether or not the address already has an account.
 */
@Controller
class RegistrationController {

    private static final String REGISTER_VIEW = "site/account/register";
    private static final String CHECK_EMAIL_VIEW = "site/account/check-email";
    private static final String VERIFY_VIEW = "site/account/verify-email";

    private final RegisterGuestUseCase register;
    private final VerifyEmailUseCase verifyEmail;
    private final AdmitRequestUseCase admit;
    private final MailboxProofs mailboxProofs;

    RegistrationController(RegisterGuestUseCase register, VerifyEmailUseCase verifyEmail, AdmitRequestUseCase admit, MailboxProofs mailboxProofs) {
        this.register = register;
        this.verifyEmail = verifyEmail;
        this.admit = admit;
        this.mailboxProofs = mailboxProofs;
    }

    @ModelAttribute("passwordHint")
    String passwordHint() {
        return Refusals.PASSWORD_HINT;
    }

    static final class RegisterForm {
        private String firstName = "";
        private String lastName = "";
        private String email = "";
        private String password = "";

        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String firstName) {
            this.firstName = Refusals.text(firstName);
        }

        public String getLastName() {
            return lastName;
        }

        public void setLastName(String lastName) {
            this.lastName = Refusals.text(lastName);
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = Refusals.text(email);
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password == null ? "" : password;
        }
    }

    @GetMapping("/register")
    String registerPage(@AuthenticationPrincipal AccessTokenClaims caller, Model model) {
        if (caller != null) {
            return "redirect:" + LoginController.AFTER_LOGIN;
        }
        model.addAttribute("form", new RegisterForm());
        return REGISTER_VIEW;
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegisterForm form, BindingResult errors, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        requireName(errors, "firstName", form.getFirstName(), "Enter your first name");
        requireName(errors, "lastName", form.getLastName(), "Enter your last name");
        Refusals.requireEmail(errors, "email", form.getEmail());
        Refusals.requireText(errors, "password", form.getPassword(), "Choose a password");
        if (errors.hasErrors()) {
            return Refusals.again(response, HttpStatus.BAD_REQUEST, REGISTER_VIEW);
        }
        RegistrationResult result = register.register(new RegisterGuestCommand(new EmailAddress(form.getEmail()), form.getPassword(),
                form.getFirstName(), form.getLastName()));
        if (result instanceof RegistrationResult.PasswordRefused refused) {
            errors.rejectValue("password", "weak", refused.reason());
            model.addAttribute("passwordAdvice", refused.advice());
            return Refusals.again(response, HttpStatus.BAD_REQUEST, REGISTER_VIEW);
        }
        // Registered or EmailTaken: one answer, so that the form does not tell which addresses have accounts.
        flash.addFlashAttribute("email", new EmailAddress(form.getEmail()).value());
        return "redirect:/register/check-email";
    }

    @GetMapping("/register/check-email")
    String checkEmail() {
        return CHECK_EMAIL_VIEW;
    }

    /** Sends the verification email again (from the login page or the "check your email" page); the same answer whatever the address. */
    @PostMapping("/verify-email/resend")
    String resendVerification(@RequestParam(defaultValue = "") String email, HttpServletRequest request, RedirectAttributes flash) {
        String address = email.strip();
        if (EmailAddress.isValid(address) && admit.admitForAccount(RequestKind.VERIFICATION, ClientAddresses.of(request), address).admitted()) {
            verifyEmail.resendVerification(address);
        }
        flash.addFlashAttribute("email", address);
        flash.addFlashAttribute("resent", true);
        return "redirect:/register/check-email";
    }

    /** The link in the verification email: a page with one button; the token is not used until the button is pressed. */
    @GetMapping("/verify-email")
    String verifyPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        model.addAttribute("state", token.isBlank() ? "invalid" : "ready");
        return token.isBlank() ? Refusals.again(response, HttpStatus.BAD_REQUEST, VERIFY_VIEW) : VERIFY_VIEW;
    }

    /**
     * Uses the token. The bookings made without an account under the address join the account only when this browser next
     * logs in as that account: see {@link MailboxProofs}.
     */
    @PostMapping("/verify-email")
    String verify(@RequestParam(defaultValue = "") String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<EmailAddress> verified = token.isBlank() ? Optional.empty() : verifyEmail.verifyEmail(token);
        if (verified.isEmpty()) {
            model.addAttribute("state", "invalid");
            return Refusals.again(response, HttpStatus.BAD_REQUEST, VERIFY_VIEW);
        }
        mailboxProofs.proven(request, verified.get());
        model.addAttribute("state", "verified");
        return VERIFY_VIEW;
    }

    private static void requireName(BindingResult errors, String field, String value, String missing) {
        Refusals.requireText(errors, field, value, missing);
        if (value.length() > RegisterGuestCommand.MAX_NAME_LENGTH) {
            errors.rejectValue(field, "too-long", "Use %d characters or fewer".formatted(RegisterGuestCommand.MAX_NAME_LENGTH));
        }
    }
}
