package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PHONE;
import static com.westbethel.motel.application.identity.service.IdentityFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase.SessionView;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.service.IdentityFixture.GuestOnTwoDevices;
import com.westbethel.motel.domain.identity.SessionId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManageSessionsServiceTest {

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
        List<SessionView> sessions = identity.ownSessions.sessions(onLaptop);

        // then
        assertThat(sessions).extracting(SessionView::userAgent).containsExactly("Safari on iPhone", "Firefox on Linux");
        assertThat(sessions).extracting(SessionView::current).containsExactly(false, true);
        assertThat(sessions).extracting(SessionView::ipAddress).containsExactly("198.51.100.24", "203.0.113.7");
        assertThat(sessions.get(1).id()).isEqualTo(onLaptop.session().value());
        assertThat(sessions.get(1).createdAt()).isEqualTo(START);
        assertThat(identity.ownSessions.sessions(identity.claimsOf(phone))).extracting(SessionView::current).containsExactly(true, false);
    }

    @Test
    void the_session_list_leaves_out_ended_sessions_and_other_users_sessions() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        identity.otherGuestLoggedIn(LAPTOP);
        identity.logouts.logOut(identity.claimsOf(anna.phone()));

        // when
        List<SessionView> sessions = identity.ownSessions.sessions(identity.claimsOf(anna.laptop()));

        // then
        assertThat(sessions).singleElement().satisfies(view -> assertThat(view.current()).isTrue());
    }

    @Test
    void ending_another_users_session_is_refused_and_leaves_it_running() {
        // given
        identity.verifiedGuest();
        TokenPair anna = identity.logIn(LAPTOP);
        TokenPair bob = identity.otherGuestLoggedIn(PHONE);
        SessionId bobsSession = identity.claimsOf(bob).session();

        // when
        boolean ended = identity.ownSessions.endSession(identity.claimsOf(anna), bobsSession);

        // then
        assertThat(ended).isFalse();
        assertThat(identity.accepted(bob)).isTrue();
        assertThat(identity.sessions.find(bobsSession)).hasValueSatisfying(session -> assertThat(session.active()).isTrue());
        assertThat(identity.refreshes.refresh(bob.refreshToken(), PHONE)).isInstanceOf(RefreshResult.Refreshed.class);
    }

    @Test
    void ending_an_unknown_or_already_ended_session_is_refused() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        AccessTokenClaims caller = identity.claimsOf(anna.laptop());
        SessionId phoneSession = identity.claimsOf(anna.phone()).session();
        identity.ownSessions.endSession(caller, phoneSession);

        // when
        boolean endedAgain = identity.ownSessions.endSession(caller, phoneSession);
        boolean endedUnknown = identity.ownSessions.endSession(caller, SessionId.random());

        // then
        assertThat(endedAgain).isFalse();
        assertThat(endedUnknown).isFalse();
    }

    @Test
    void ending_one_of_your_own_sessions_revokes_its_tokens_and_keeps_yours() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        SessionId phoneSession = identity.claimsOf(anna.phone()).session();

        // when
        boolean ended = identity.ownSessions.endSession(identity.claimsOf(anna.laptop()), phoneSession);

        // then
        assertThat(ended).isTrue();
        assertThat(identity.sessions.endReason(phoneSession)).contains("ENDED_BY_USER");
        assertThat(identity.accepted(anna.phone())).isFalse();
        assertThat(identity.refreshes.refresh(anna.phone().refreshToken(), PHONE)).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.accepted(anna.laptop())).isTrue();
        assertThat(identity.sessions.activeOf(anna.guest().id())).extracting(session -> session.device()).containsExactly(LAPTOP);
    }
}
