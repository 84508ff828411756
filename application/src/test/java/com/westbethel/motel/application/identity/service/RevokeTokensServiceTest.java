package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import org.junit.jupiter.api.Test;

class RevokeTokensServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void an_admin_revoking_all_tokens_of_a_user_ends_their_sessions_and_refresh_tokens() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair laptop = identity.logIn(LAPTOP);

        // when
        boolean revoked = identity.adminRevocations.revokeAllTokensOf(UserId.random(), guest.id());

        // then
        assertThat(revoked).isTrue();
        assertThat(identity.sessions.endReason(identity.accessTokens.verify(laptop.accessToken()).orElseThrow().session()))
                .contains("REVOKED_BY_ADMIN");
        assertThat(identity.refreshes.refresh(laptop.refreshToken(), LAPTOP)).isInstanceOf(RefreshResult.Invalid.class);
    }

    // Finding 10 of issue 10: every admin revocation is audited under the admin's own id.
    @Test
    void an_admin_revoking_one_token_or_all_of_a_users_tokens_is_audited_under_the_admins_id() {
        // given
        User guest = identity.verifiedGuest();
        String jti = identity.claimsOf(identity.logIn(LAPTOP)).jti();
        UserId admin = UserId.random();

        // when
        identity.adminRevocations.revokeToken(admin, jti);
        identity.adminRevocations.revokeAllTokensOf(admin, guest.id());

        // then
        assertThat(identity.audited).filteredOn(entry -> entry.action().equals("TOKEN_REVOKED")).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin:" + admin);
            assertThat(entry.entityType()).isEqualTo("access_token");
            assertThat(entry.entityId()).isEqualTo(jti);
        });
        assertThat(identity.audited).filteredOn(entry -> entry.action().equals("USER_TOKENS_REVOKED")).singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("admin:" + admin));
    }
}
