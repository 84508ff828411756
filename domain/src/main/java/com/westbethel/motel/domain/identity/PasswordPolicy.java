package com.westbethel.motel.domain.identity;

import com.westbethel.motel.domain.shared.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The motel's password rules, after NIST SP 800-63B: long enough, no composition rules, not built
 * from the account's own email or name, and not guessable according to a strength estimator that
 * knows the breached-password dictionaries.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    /** bcrypt reads at most 72 bytes; longer input would be silently cut, so it is refused instead. */
    static final int MAX_BYTES = 72;
    private static final int SHORTEST_PERSONAL_WORD = 3;
    private static final String ADVICE = "Use a passphrase of four or more unrelated words, or let a password manager make one.";

    private final PasswordStrengthEstimator estimator;

    public PasswordPolicy(PasswordStrengthEstimator estimator) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
    }

    public PasswordVerdict evaluate(String candidate, EmailAddress email, String firstName, String lastName) {
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH) {
            return new PasswordVerdict.Refused("The password is shorter than %d characters.".formatted(MIN_LENGTH), ADVICE);
        }
        if (length > MAX_LENGTH || candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return new PasswordVerdict.Refused("The password is longer than %d characters (or %d bytes).".formatted(MAX_LENGTH, MAX_BYTES),
                    "Use a shorter passphrase.");
        }
        List<String> personalWords = personalWords(email, firstName, lastName);
        String folded = candidate.toLowerCase(Locale.ROOT);
        for (String word : personalWords) {
            if (word.length() >= SHORTEST_PERSONAL_WORD && folded.contains(word)) {
                return new PasswordVerdict.Refused("The password contains your name or email address, which attackers try first.", ADVICE);
            }
        }
        PasswordStrength strength = estimator.estimate(candidate, personalWords);
        if (!strength.strongEnough()) {
            String reason = strength.warning().map(warning -> "The password is too easy to guess: " + warning + ".")
                    .orElse("The password is too easy to guess.");
            String advice = strength.suggestions().isEmpty() ? ADVICE : String.join(" ", strength.suggestions()) + " " + ADVICE;
            return new PasswordVerdict.Refused(reason.replace("..", "."), advice);
        }
        return new PasswordVerdict.Acceptable();
    }

    private static List<String> personalWords(EmailAddress email, String firstName, String lastName) {
        return List.of(email.localPart(), fold(firstName), fold(lastName));
    }

    private static String fold(String word) {
        return word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
    }
}
