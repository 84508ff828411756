package com.westbethel.motel.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuestContactTest {

    @Test
    void names_and_phone_are_trimmed_and_a_blank_phone_is_none() {
        GuestContact contact = new GuestContact(" Anna ", " Berg ", Optional.of(new EmailAddress("Anna@Example.com")), Optional.of("  "));

        assertThat(contact.firstName()).isEqualTo("Anna");
        assertThat(contact.lastName()).isEqualTo("Berg");
        assertThat(contact.email()).contains(new EmailAddress("anna@example.com"));
        assertThat(contact.phone()).isEmpty();
    }

    @Test
    void a_guest_is_named_by_a_last_name_or_reached_by_email() {
        assertThat(new GuestContact("", "Berg", Optional.empty(), Optional.empty()).lastName()).isEqualTo("Berg");
        assertThatIllegalArgumentException().isThrownBy(() -> new GuestContact("Anna", " ", Optional.empty(), Optional.empty()));
    }

    @Test
    void over_long_names_and_phones_are_refused() {
        String longName = "A".repeat(GuestContact.MAX_NAME_LENGTH + 1);

        assertThatIllegalArgumentException().isThrownBy(() -> new GuestContact(longName, "Berg", Optional.empty(), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new GuestContact("Anna", "Berg", Optional.empty(),
                Optional.of("1".repeat(GuestContact.MAX_PHONE_LENGTH + 1))));
    }

    @Test
    void the_contact_stays_out_of_log_lines() {
        assertThat(GuestContact.of("Anna", "Berg", new EmailAddress("anna@example.com")).toString()).doesNotContain("anna", "Berg");
    }
}
