package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import org.junit.jupiter.api.Test;

class ViewProfileServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void the_profile_shows_the_account_and_an_unknown_user_has_none() {
        // given
        User guest = identity.verifiedGuest();

        // when
        var profile = identity.profiles.profile(guest.id());
        var nobody = identity.profiles.profile(UserId.random());

        // then
        assertThat(profile).hasValueSatisfying(view -> {
            assertThat(view.id()).isEqualTo(guest.id().value());
            assertThat(view.email()).isEqualTo(EMAIL);
            assertThat(view.emailVerified()).isTrue();
        });
        assertThat(nobody).isEmpty();
    }
}
