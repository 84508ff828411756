package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.WEAK_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.identity.port.in.EnsureFirstAdminUseCase.FirstAdminResult;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import org.junit.jupiter.api.Test;

class EnsureFirstAdminServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void the_first_admin_is_created_once_verified_and_can_log_in() {
        // when
        FirstAdminResult first = identity.firstAdmin.ensureFirstAdmin("Owner@Motel.example", PASSWORD);
        FirstAdminResult second = identity.firstAdmin.ensureFirstAdmin("someone.else@motel.example", PASSWORD);

        // then
        assertThat(first).isEqualTo(FirstAdminResult.CREATED);
        assertThat(second).isEqualTo(FirstAdminResult.ADMIN_ALREADY_EXISTS);
        User admin = identity.users.stored("owner@motel.example");
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.emailVerified()).isTrue();
        assertThat(identity.users.count()).isEqualTo(1);
        assertThat(identity.attemptLogIn("owner@motel.example", PASSWORD)).isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void the_first_admin_cannot_take_an_address_a_guest_already_uses() {
        // given
        identity.verifiedGuest();

        // when
        FirstAdminResult result = identity.firstAdmin.ensureFirstAdmin(EMAIL, "another fine passphrase");

        // then
        assertThat(result).isEqualTo(FirstAdminResult.EMAIL_TAKEN_BY_NON_ADMIN);
        assertThat(identity.users.anyWithRole(Role.ADMIN)).isFalse();
    }

    @Test
    void a_guessable_first_admin_password_is_refused_loudly_and_no_admin_is_created() {
        // when / then
        assertThatThrownBy(() -> identity.firstAdmin.ensureFirstAdmin("owner@motel.example", WEAK_PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too easy to guess");
        assertThat(identity.users.anyWithRole(Role.ADMIN)).isFalse();
    }
}
