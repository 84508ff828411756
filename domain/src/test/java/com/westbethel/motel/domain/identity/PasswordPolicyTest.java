package com.westbethel.motel.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final EmailAddress ANNA = new EmailAddress("anna.kowalski@example.com");
    private final List<List<String>> personalWordsSeen = new ArrayList<>();
    private final PasswordStrengthEstimator everythingIsStrong = (password, words) -> {
        personalWordsSeen.add(words);
        return new PasswordStrength(true, Optional.empty(), List.of());
    };

    @Test
    void a_long_unrelated_passphrase_is_acceptable_without_any_composition_rule() {
        PasswordVerdict verdict = new PasswordPolicy(everythingIsStrong).evaluate("lantern orchard velvet kayak", ANNA, "Anna", "Kowalski");

        assertThat(verdict).isInstanceOf(PasswordVerdict.Acceptable.class);
    }

    @Test
    void fewer_than_twelve_characters_is_refused_with_advice() {
        PasswordVerdict verdict = new PasswordPolicy(everythingIsStrong).evaluate("Tr0ub4dor&3", ANNA, "Anna", "Kowalski");

        assertThat(verdict).isEqualTo(new PasswordVerdict.Refused("The password is shorter than 12 characters.",
                "Use a passphrase of four or more unrelated words, or let a password manager make one."));
    }

    @Test
    void twelve_characters_counted_as_people_see_them_not_as_bytes() {
        PasswordVerdict verdict = new PasswordPolicy(everythingIsStrong).evaluate("żółć gęślą w", ANNA, "Anna", "Kowalski");

        assertThat(verdict).isInstanceOf(PasswordVerdict.Acceptable.class);
    }

    @Test
    void a_password_bcrypt_would_truncate_is_refused_rather_than_cut_silently() {
        String seventyThreeBytes = "ż".repeat(37);

        PasswordVerdict verdict = new PasswordPolicy(everythingIsStrong).evaluate(seventyThreeBytes, ANNA, "Anna", "Kowalski");

        assertThat(verdict).isInstanceOf(PasswordVerdict.Refused.class);
        assertThat(((PasswordVerdict.Refused) verdict).reason()).contains("longer than 64 characters");
    }

    @Test
    void a_password_built_from_the_name_or_email_is_refused() {
        PasswordPolicy policy = new PasswordPolicy(everythingIsStrong);

        assertThat(policy.evaluate("Kowalski-summer-2027", ANNA, "Anna", "Kowalski")).isInstanceOf(PasswordVerdict.Refused.class);
        assertThat(policy.evaluate("my anna.kowalski pass", ANNA, "Anna", "Kowalski")).isInstanceOf(PasswordVerdict.Refused.class);
        assertThat(((PasswordVerdict.Refused) policy.evaluate("ANNA loves kayaks!!", ANNA, "Anna", "Kowalski")).reason())
                .isEqualTo("The password contains your name or email address, which attackers try first.");
    }

    @Test
    void the_estimators_warning_and_suggestions_explain_a_weak_password() {
        PasswordStrengthEstimator weak = (password, words) ->
                new PasswordStrength(false, Optional.of("This is a very common password"), List.of("Add another word or two."));

        PasswordVerdict verdict = new PasswordPolicy(weak).evaluate("passwordpassword", ANNA, "Anna", "Kowalski");

        assertThat(verdict).isEqualTo(new PasswordVerdict.Refused(
                "The password is too easy to guess: This is a very common password.",
                "Add another word or two. Use a passphrase of four or more unrelated words, or let a password manager make one."));
    }

    @Test
    void the_estimator_is_told_the_users_own_words() {
        new PasswordPolicy(everythingIsStrong).evaluate("lantern orchard velvet kayak", ANNA, " Anna ", "Kowalski");

        assertThat(personalWordsSeen).containsExactly(List.of("anna.kowalski", "anna", "kowalski"));
    }
}
