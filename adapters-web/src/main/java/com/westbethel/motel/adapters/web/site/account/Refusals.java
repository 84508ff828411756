package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.adapters.web.security.ProblemResponses;
import com.westbethel.motel.domain.identity.PasswordPolicy;
import com.westbethel.motel.domain.shared.EmailAddress;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

/** The account pages' common checks and refusals: a form shown again with its messages, under the status it deserves. */
final class Refusals {

    /** Shown under every new-password field, before anything is refused. */
    static final String PASSWORD_HINT = "%d to %d characters. A passphrase of four or more unrelated words works well, or let your password manager make one."
            .formatted(PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);

    private Refusals() {
    }

    /** The form's view again, answered with {@code status} (what was typed stays in the bound form). */
    static String again(HttpServletResponse response, HttpStatus status, String view) {
        response.setStatus(status.value());
        return view;
    }

    /** Sets {@code Retry-After} and says the wait in words. */
    static long retryAfter(HttpServletResponse response, Duration retryAfter) {
        long seconds = ProblemResponses.retryAfterSeconds(retryAfter);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return seconds;
    }

    static void requireText(BindingResult errors, String field, String value, String message) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "required", message);
        }
    }

    static void requireEmail(BindingResult errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "required", "Enter your email address");
        } else if (!EmailAddress.isValid(value)) {
            errors.rejectValue(field, "invalid", "Enter an email address like anna@example.com");
        }
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
