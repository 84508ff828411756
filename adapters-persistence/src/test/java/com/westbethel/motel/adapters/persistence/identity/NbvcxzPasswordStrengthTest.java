package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.identity.PasswordStrength;
import java.util.List;
import org.junit.jupiter.api.Test;

class NbvcxzPasswordStrengthTest {

    private final NbvcxzPasswordStrength estimator = new NbvcxzPasswordStrength(35);

    @Test
    void a_common_password_with_digits_is_not_strong_enough_and_says_why() {
        PasswordStrength strength = estimator.estimate("password1234", List.of());

        assertThat(strength.strongEnough()).isFalse();
        assertThat(strength.warning()).hasValueSatisfying(warning -> assertThat(warning).isNotBlank());
        assertThat(strength.suggestions()).isNotEmpty();
    }

    @Test
    void a_keyboard_row_with_digits_is_not_strong_enough_and_says_why() {
        PasswordStrength strength = estimator.estimate("qwertyuiop123", List.of());

        assertThat(strength.strongEnough()).isFalse();
        assertThat(strength.warning()).hasValueSatisfying(warning -> assertThat(warning).isNotBlank());
    }

    @Test
    void a_passphrase_of_unrelated_words_is_strong_enough_without_a_warning() {
        PasswordStrength strength = estimator.estimate("violet-kayak-morning-tundra", List.of());

        assertThat(strength.strongEnough()).isTrue();
        assertThat(strength.warning()).isEmpty();
    }

    @Test
    void a_password_built_around_a_personal_word_is_refused_although_it_would_pass_without_it() {
        String password = "przybylskixylophone";

        assertThat(estimator.estimate(password, List.of()).strongEnough()).isTrue();

        PasswordStrength withPersonalWord = estimator.estimate(password, List.of("przybylski"));
        assertThat(withPersonalWord.strongEnough()).isFalse();
        assertThat(withPersonalWord.warning()).isPresent();
    }

    @Test
    void blank_personal_words_are_ignored() {
        assertThat(estimator.estimate("violet-kayak-morning-tundra", List.of("", "  ")).strongEnough()).isTrue();
    }

    @Test
    void a_higher_minimum_refuses_what_a_lower_one_accepts() {
        String password = "przybylskixylophone";

        assertThat(new NbvcxzPasswordStrength(35).estimate(password, List.of()).strongEnough()).isTrue();
        assertThat(new NbvcxzPasswordStrength(80).estimate(password, List.of()).strongEnough()).isFalse();
    }
}
