package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PHONE;
import static com.westbethel.motel.application.identity.service.IdentityFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase.SessionView;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void the_session_list_shows_every_device_most_recent_first_and_marks_the_callers_own() {
        // given
        identity.verifiedGuest();
        TokenPair laptop = identity.logIn(LAPTOP);
        identity.clock.advance(Duration.ofMinutes(10));
        TokenPair phone = identity.logIn(PHONE);
        AccessTokenClaims onLaptop = identity.claimsOf(laptop);

        // when
        List<SessionView> sessions = identity.sessionService.sessions(onLaptop);

        // then
        assertThat(sessions).extracting(SessionView::userAgent).containsExactly("Safari on iPhone", "Firefox on Linux");
        assertThat(sessions).extracting(SessionView::current).containsExactly(false, true);
        assertThat(sessions).extracting(SessionView::ipAddress).containsExactly("198.51.100.24", "203.0.113.7");
        assertThat(sessions.get(1).id()).isEqualTo(onLaptop.session().value());
        assertThat(sessions.get(1).createdAt()).isEqualTo(START);
        assertThat(identity.sessionService.sessions(identity.claimsOf(phone))).extracting(SessionView::current).containsExactly(true, false);
    }

    @Test
    void the_session_list_leaves_out_ended_sessions_and_other_users_sessions() {
        // given
        identity.verifiedGuest();
        identity.existingGuest("bob@example.com", PASSWORD, true, true);
        TokenPair laptop = identity.logIn(LAPTOP);
        TokenPair phone = identity.logIn(PHONE);
        identity.logIn("bob@example.com", PASSWORD, LAPTOP);
        identity.sessionService.logOut(identity.claimsOf(phone));

        // when
        List<SessionView> sessions = identity.sessionService.sessions(identity.claimsOf(laptop));

        // then
        assertThat(sessions).singleElement().satisfies(view -> assertThat(view.current()).isTrue());
    }

    @Test
    void ending_another_users_session_is_refused_and_leaves_it_running() {
        // given
        identity.verifiedGuest();
        identity.existingGuest("bob@example.com", PASSWORD, true, true);
        TokenPair anna = identity.logIn(LAPTOP);
        TokenPair bob = identity.logIn("bob@example.com", PASSWORD, PHONE);
        SessionId bobsSession = identity.claimsOf(bob).session();

        // when
        boolean ended = identity.sessionService.endSession(identity.claimsOf(anna), bobsSession);

        // then
        assertThat(ended).isFalse();
        assertThat(identity.accepted(bob)).isTrue();
        assertThat(identity.sessions.find(bobsSession)).hasValueSatisfying(session -> assertThat(session.active()).isTrue());
        assertThat(identity.logins.refresh(bob.refreshToken(), PHONE)).isInstanceOf(RefreshResult.Refreshed.class);
    }

    @Test
    void ending_an_unknown_or_already_ended_session_is_refused() {
        // given
        identity.verifiedGuest();
        TokenPair laptop = identity.logIn(LAPTOP);
        TokenPair phone = identity.logIn(PHONE);
        AccessTokenClaims caller = identity.claimsOf(laptop);
        SessionId phoneSession = identity.claimsOf(phone).session();
        identity.sessionService.endSession(caller, phoneSession);

        // when
        boolean endedAgain = identity.sessionService.endSession(caller, phoneSession);
        boolean endedUnknown = identity.sessionService.endSession(caller, SessionId.random());

        // then
        assertThat(endedAgain).isFalse();
        assertThat(endedUnknown).isFalse();
    }

    @Test
    void ending_one_of_your_own_sessions_revokes_its_tokens_and_keeps_yours() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair laptop = identity.logIn(LAPTOP);
        TokenPair phone = identity.logIn(PHONE);
        SessionId phoneSession = identity.claimsOf(phone).session();

        // when
        boolean ended = identity.sessionService.endSession(identity.claimsOf(laptop), phoneSession);

        // then
        assertThat(ended).isTrue();
        assertThat(identity.sessions.endReason(phoneSession)).contains("ENDED_BY_USER");
        assertThat(identity.accepted(phone)).isFalse();
        assertThat(identity.logins.refresh(phone.refreshToken(), PHONE)).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.accepted(laptop)).isTrue();
        assertThat(identity.sessions.activeOf(guest.id())).extracting(session -> session.device()).containsExactly(LAPTOP);
    }

    @Test
    void logging_out_ends_the_session_and_its_refresh_tokens() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair tokens = identity.logIn(LAPTOP);
        AccessTokenClaims caller = identity.claimsOf(tokens);

        // when
        identity.sessionService.logOut(caller);

        // then
        assertThat(identity.sessions.activeOf(guest.id())).isEmpty();
        assertThat(identity.sessions.endReason(caller.session())).contains("LOGOUT");
        assertThat(identity.accepted(tokens)).isFalse();
        assertThat(identity.logins.refresh(tokens.refreshToken(), LAPTOP)).isInstanceOf(RefreshResult.Invalid.class);
    }

    @Test
    void logging_out_everywhere_ends_every_session_and_every_refresh_token() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair laptop = identity.logIn(LAPTOP);
        TokenPair phone = identity.logIn(PHONE);
        identity.clock.advance(Duration.ofMinutes(1));

        // when
        identity.sessionService.logOutEverywhere(identity.claimsOf(laptop));

        // then
        assertThat(identity.sessions.activeOf(guest.id())).isEmpty();
        assertThat(identity.logins.refresh(laptop.refreshToken(), LAPTOP)).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.logins.refresh(phone.refreshToken(), PHONE)).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.users.findById(guest.id()).orElseThrow().tokensValidAfter()).contains(identity.clock.instant());
    }

    @Test
    void an_admin_revoking_all_tokens_of_a_user_ends_their_sessions_and_refresh_tokens() {
        // given
        User guest = identity.verifiedGuest();
        TokenPair laptop = identity.logIn(LAPTOP);

        // when
        boolean revoked = identity.sessionService.revokeAllTokensOf(UserId.random(), guest.id());

        // then
        assertThat(revoked).isTrue();
        assertThat(identity.sessions.endReason(identity.accessTokens.verify(laptop.accessToken()).orElseThrow().session()))
                .contains("REVOKED_BY_ADMIN");
        assertThat(identity.logins.refresh(laptop.refreshToken(), LAPTOP)).isInstanceOf(RefreshResult.Invalid.class);
    }

    // Finding 10 of issue 10: every admin revocation is audited under the admin's own id.
    @Test
    void an_admin_revoking_one_token_or_all_of_a_users_tokens_is_audited_under_the_admins_id() {
        // given
        User guest = identity.verifiedGuest();
        String jti = identity.claimsOf(identity.logIn(LAPTOP)).jti();
        UserId admin = UserId.random();

        // when
        identity.sessionService.revokeToken(admin, jti);
        identity.sessionService.revokeAllTokensOf(admin, guest.id());

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
