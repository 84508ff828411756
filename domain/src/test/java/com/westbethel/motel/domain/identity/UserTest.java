package com.westbethel.motel.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2027-06-01T10:00:00Z");

    @Test
    void a_new_guest_is_unverified_and_has_only_the_guest_role() {
        User user = User.registerGuest(new EmailAddress("anna@example.com"), " Anna ", "Kowalski", "{bcrypt}hash", NOW);

        assertThat(user.emailVerified()).isFalse();
        assertThat(user.roles()).containsExactly(Role.GUEST);
        assertThat(user.firstName()).isEqualTo("Anna");
        assertThat(user.tokensValidAfter()).isEmpty();
    }

    @Test
    void logging_out_everywhere_invalidates_every_token_issued_before() {
        User user = User.registerGuest(new EmailAddress("anna@example.com"), "Anna", "Kowalski", "{bcrypt}old", NOW);

        user.revokeTokensIssuedBefore(NOW.plusSeconds(60));

        assertThat(user.tokensValidAfter()).contains(NOW.plusSeconds(60));
    }

    @Test
    void the_not_before_instant_never_moves_back() {
        User user = User.registerGuest(new EmailAddress("anna@example.com"), "Anna", "Kowalski", "{bcrypt}hash", NOW);
        user.revokeTokensIssuedBefore(NOW.plusSeconds(600));

        user.revokeTokensIssuedBefore(NOW.plusSeconds(60));

        assertThat(user.tokensValidAfter()).contains(NOW.plusSeconds(600));
    }

    @Test
    void a_guest_given_the_staff_role_holds_both_and_the_list_handed_out_is_a_copy() {
        User user = User.registerGuest(new EmailAddress("anna@example.com"), "Anna", "Kowalski", "{bcrypt}hash", NOW);
        var before = user.roles();

        user.grant(Role.STAFF);

        assertThat(user.roles()).containsExactly(Role.GUEST, Role.STAFF);
        assertThat(before).containsExactly(Role.GUEST);
    }

    @Test
    void an_account_stripped_of_its_only_role_is_left_a_guest() {
        User user = User.registerGuest(new EmailAddress("anna@example.com"), "Anna", "Kowalski", "{bcrypt}hash", NOW);
        user.grant(Role.ADMIN);
        user.revoke(Role.GUEST);

        user.revoke(Role.ADMIN);

        assertThat(user.roles()).containsExactly(Role.GUEST);
    }
}
