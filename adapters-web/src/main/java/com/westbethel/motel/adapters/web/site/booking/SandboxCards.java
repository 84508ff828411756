package com.westbethel.motel.adapters.web.site.booking;

import java.util.Map;
import java.util.Optional;

/**
 * Stands in for a card processor's payment form: it turns the sandbox processor's test card numbers into its tokens, so
 * the booking flow is real end to end without a card number ever reaching the booking core. A card number is never
 * logged, stored or written back into a page; only the token travels on.
 */
final class SandboxCards {

    /** The test cards the sandbox processor knows, and their tokens. */
    static final Map<String, String> TOKENS = Map.of(
            "4242424242424242", "tok_visa",
            "4000000000000002", "tok_chargeDeclined");

    private SandboxCards() {
    }

    /** The sandbox's token for the card, or why there is none: not a card number at all, or a real card this sandbox cannot take. */
    static Tokenized tokenize(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (digits.isEmpty()) {
            return new Tokenized(Optional.empty(), "Enter the card number.");
        }
        if (!digits.matches("\\d{12,19}") || !luhn(digits)) {
            return new Tokenized(Optional.empty(), "Check the card number: it is not a valid card number.");
        }
        String token = TOKENS.get(digits);
        if (token == null) {
            return new Tokenized(Optional.empty(), "This is a test site: only the sandbox's test cards work here, "
                    + "4242 4242 4242 4242 (approved) or 4000 0000 0000 0002 (declined). No real card is charged.");
        }
        return new Tokenized(Optional.of(token), null);
    }

    /** The Luhn check digit test every card number passes. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** @param problem what to tell the guest beside the card number field when there is no token */
    record Tokenized(Optional<String> token, String problem) {

        @Override
        public String toString() {
            return "Tokenized[" + (token.isPresent() ? "token redacted" : problem) + "]";
        }
    }
}
