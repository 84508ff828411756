package com.westbethel.motel.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void addresses_differing_only_in_case_or_surrounding_space_are_one_account() {
        assertThat(new EmailAddress("  Anna@Example.COM ")).isEqualTo(new EmailAddress("anna@example.com"));
    }

    @Test
    void malformed_addresses_are_refused() {
        for (String bad : new String[] {"anna", "anna@", "@example.com", "anna@example", "an na@example.com", "a@b@example.com"}) {
            assertThat(EmailAddress.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> new EmailAddress(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void the_local_part_is_what_comes_before_the_at_sign() {
        assertThat(new EmailAddress("anna.k@example.com").localPart()).isEqualTo("anna.k");
    }
}
