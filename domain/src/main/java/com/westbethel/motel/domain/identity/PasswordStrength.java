package com.westbethel.motel.domain.identity;

import java.util.List;
import java.util.Optional;

/**
 * A strength estimator's judgement of a password.
 *
 * @param strongEnough whether it would take an attacker long enough to guess
 * @param warning what makes it weak, in the estimator's words (for example "This is a top-100 common password")
 * @param suggestions how to pick a better one
 */
public record PasswordStrength(boolean strongEnough, Optional<String> warning, List<String> suggestions) {

    public PasswordStrength {
        suggestions = List.copyOf(suggestions);
    }
}
