package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.ACCESS_TOKEN_TTL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static com.westbethel.motel.application.identity.service.IdentityFixture.LAPTOP;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PASSWORD;
import static com.westbethel.motel.application.identity.service.IdentityFixture.PHONE;
import static com.westbethel.motel.application.identity.service.IdentityFixture.WEAK_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.Result;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.SessionSummary;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.UnknownUserException;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.UserSummary;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.RevocationRecords.RevokedEntry;
import com.westbethel.motel.application.identity.service.IdentityFixture.GuestOnTwoDevices;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** motel-admin's account commands, as an operator on the server runs them. */
class AdministerUsersServiceTest {

    private static final String OPERATOR = "motel-admin:root";
    private static final String BOSS = "boss@example.com";

    private final IdentityFixture identity = new IdentityFixture();

    @Test
    void the_list_shows_the_newest_accounts_first_with_their_roles_and_state() {
        // given
        identity.verifiedGuest();
        identity.existingMember(BOSS, Role.ADMIN);
        identity.administration.lock(EMAIL, OPERATOR);

        // when
        List<UserSummary> users = identity.administration.users(10);

        // then
        assertThat(users).extracting(UserSummary::email).containsExactly(BOSS, EMAIL);
        assertThat(users.get(0).roles()).containsExactly(Role.ADMIN);
        assertThat(users.get(1)).satisfies(anna -> {
            assertThat(anna.name()).isEqualTo("Anna Berg");
            assertThat(anna.locked()).isTrue();
            assertThat(anna.mfa()).isFalse();
        });
        assertThat(identity.administration.users(1)).hasSize(1);
    }

    @Test
    void a_created_admin_is_verified_audited_and_must_enrol_in_mfa_before_their_token_carries_the_role() {
        // when
        Result result = identity.administration.createAdmin(" Boss@Example.com ", PASSWORD, " Bo ", "Boss", OPERATOR);

        // then
        assertThat(result).isInstanceOfSatisfying(Result.Done.class, done -> {
            assertThat(done.user().email()).isEqualTo(BOSS);
            assertThat(done.user().roles()).containsExactly(Role.ADMIN);
            assertThat(done.user().emailVerified()).isTrue();
            assertThat(done.user().name()).isEqualTo("Bo Boss");
        });
        assertThat(identity.audited).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("USER_REGISTERED");
            assertThat(entry.actor()).isEqualTo(OPERATOR);
        });
        assertThat(identity.claimsOf(identity.logIn(BOSS, PASSWORD, LAPTOP)).roles()).as("until enrolled").isEmpty();
    }

    @Test
    void no_admin_is_created_for_a_malformed_or_taken_address_or_a_guessable_password() {
        // given
        identity.verifiedGuest();

        // when
        Result malformed = identity.administration.createAdmin("boss at example.com", PASSWORD, "Bo", "Boss", OPERATOR);
        Result taken = identity.administration.createAdmin(EMAIL, PASSWORD, "Bo", "Boss", OPERATOR);
        Result guessable = identity.administration.createAdmin(BOSS, WEAK_PASSWORD, "Bo", "Boss", OPERATOR);

        // then
        assertThat(malformed).isEqualTo(new Result.Refused("boss at example.com is not an email address."));
        assertThat(taken).isEqualTo(new Result.Refused("There is already an account for " + EMAIL + "."));
        assertThat(guessable).isInstanceOfSatisfying(Result.Refused.class, refused -> assertThat(refused.reason()).contains("too easy to guess"));
        assertThat(identity.users.count()).isEqualTo(1);
        assertThat(identity.hasher.insideTransactions).as("bcrypt outside any transaction").isZero();
    }

    @Test
    void a_locked_account_loses_every_session_and_cannot_log_in_until_unlocked() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();

        // when
        Result locked = identity.administration.lock(EMAIL, OPERATOR);

        // then
        assertThat(locked).isInstanceOfSatisfying(Result.Done.class, done -> assertThat(done.what()).isEqualTo("locked; every session ended"));
        assertThat(identity.accepted(anna.laptop())).isFalse();
        assertThat(identity.refreshes.refresh(anna.phone().refreshToken(), PHONE)).isInstanceOf(RefreshResult.Invalid.class);
        assertThat(identity.attemptLogIn(EMAIL, PASSWORD)).isInstanceOf(LoginResult.AccountDisabled.class);
        assertThat(identity.administration.lock(EMAIL, OPERATOR)).isInstanceOfSatisfying(Result.Done.class,
                again -> assertThat(again.what()).isEqualTo("was already locked"));

        // when
        Result unlocked = identity.administration.unlock(EMAIL, OPERATOR);

        // then
        assertThat(unlocked).isInstanceOfSatisfying(Result.Done.class, done -> assertThat(done.user().locked()).isFalse());
        assertThat(identity.attemptLogIn(EMAIL, PASSWORD)).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(identity.administration.unlock(EMAIL, OPERATOR)).isInstanceOfSatisfying(Result.Done.class,
                again -> assertThat(again.what()).isEqualTo("was not locked"));
        assertThat(identity.audited).extracting(AuditEntry::action).containsExactly("USER_LOCKED", "USER_UNLOCKED");
        assertThat(identity.audited.get(0).after()).containsEntry("enabled", "false");
    }

    @Test
    void resetting_mfa_removes_it_ends_every_session_and_tells_the_user() {
        // given
        User boss = identity.existingMember(BOSS, Role.ADMIN);
        IdentityFixture.Authenticator lost = identity.enrolInMfa(identity.claimsOf(identity.logIn(BOSS, PASSWORD, LAPTOP)));
        identity.clock.advance(Duration.ofSeconds(30));
        TokenPair session = identity.logInWithCode(BOSS, lost);

        // when
        Result result = identity.administration.resetMfa(BOSS, OPERATOR);

        // then
        assertThat(result).isInstanceOfSatisfying(Result.Done.class, done -> assertThat(done.user().mfa()).isFalse());
        assertThat(identity.enrolments.find(boss.id())).isEmpty();
        assertThat(identity.accepted(session)).isFalse();
        assertThat(identity.outbox.alerts()).containsExactly(SecurityAlert.Kind.MFA_ENABLED, SecurityAlert.Kind.MFA_RESET);
        assertThat(identity.outbox.all(SecurityAlert.class)).allSatisfy(alert -> assertThat(alert.recipient().user()).contains(boss.id()));
        assertThat(identity.audited).extracting(AuditEntry::action).contains("USER_MFA_RESET");
        assertThat(identity.attemptLogIn(BOSS, PASSWORD)).as("the password alone again").isInstanceOf(LoginResult.LoggedIn.class);
    }

    @Test
    void resetting_mfa_of_an_account_without_it_is_refused() {
        // given
        identity.verifiedGuest();

        // when
        Result result = identity.administration.resetMfa(EMAIL, OPERATOR);

        // then
        assertThat(result).isEqualTo(new Result.Refused(EMAIL + " has no two-factor login to reset."));
        assertThat(identity.outbox.published()).isEmpty();
    }

    @Test
    void revoking_all_tokens_refuses_every_token_the_user_holds_and_is_audited_under_the_operator() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        identity.clock.advance(Duration.ofMinutes(1));

        // when
        Result result = identity.administration.revokeAllTokens(EMAIL, OPERATOR);

        // then
        assertThat(result).isInstanceOf(Result.Done.class);
        assertThat(identity.accepted(anna.laptop())).isFalse();
        assertThat(identity.accepted(anna.phone())).isFalse();
        assertThat(identity.audited).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("USER_TOKENS_REVOKED");
            assertThat(entry.actor()).isEqualTo(OPERATOR);
        });
    }

    @Test
    void revoking_one_token_by_its_id_refuses_it_alone() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        String jti = identity.claimsOf(anna.laptop()).jti();

        // when
        identity.administration.revokeToken(jti, OPERATOR);

        // then
        assertThat(identity.accepted(anna.laptop())).isFalse();
        assertThat(identity.accepted(anna.phone())).isTrue();
        assertThat(identity.audited).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("TOKEN_REVOKED");
            assertThat(entry.entityId()).isEqualTo(jti);
        });
        assertThatThrownBy(() -> identity.administration.revokeToken(" ", OPERATOR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> identity.administration.revokeToken("x".repeat(65), OPERATOR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_revocations_listed_are_those_that_may_still_refuse_a_valid_token() {
        // given
        String jti = identity.claimsOf(identity.guestOnLaptopAndPhone().laptop()).jti();
        identity.administration.revokeToken(jti, OPERATOR);
        identity.administration.revokeAllTokens(EMAIL, OPERATOR);

        // when
        List<RevokedEntry> now = identity.administration.revoked(10);
        identity.clock.advance(ACCESS_TOKEN_TTL.plus(SessionTermination.REVOCATION_MARGIN).plusSeconds(1));
        List<RevokedEntry> later = identity.administration.revoked(10);

        // then
        assertThat(now).extracting(RevokedEntry::kind).contains("JTI", "SESSION", "USER");
        assertThat(now).filteredOn(entry -> entry.kind().equals("USER")).singleElement()
                .satisfies(user -> assertThat(user.id()).isEqualTo(EMAIL));
        assertThat(later).as("no token they refuse can still be valid").isEmpty();
    }

    @Test
    void an_operator_sees_a_users_sessions_and_ends_one() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        List<SessionSummary> sessions = identity.administration.sessions(EMAIL);
        UUID phone = identity.claimsOf(anna.phone()).session().value();

        // when
        boolean ended = identity.administration.endSession(phone, OPERATOR);

        // then
        assertThat(sessions).extracting(SessionSummary::userAgent).containsExactlyInAnyOrder(LAPTOP.userAgent(), PHONE.userAgent());
        assertThat(ended).isTrue();
        assertThat(identity.accepted(anna.phone())).isFalse();
        assertThat(identity.accepted(anna.laptop())).isTrue();
        assertThat(identity.administration.sessions(EMAIL)).extracting(SessionSummary::userAgent).containsExactly(LAPTOP.userAgent());
        assertThat(identity.administration.endSession(phone, OPERATOR)).as("already ended").isFalse();
        assertThat(identity.audited).extracting(AuditEntry::action).containsExactly("USER_SESSION_ENDED");
    }

    @Test
    void an_unknown_address_is_answered_as_unknown_and_changes_nothing() {
        // given
        identity.verifiedGuest();
        String nobody = "nobody@example.com";

        // when
        List<Result> results = List.of(identity.administration.lock(nobody, OPERATOR), identity.administration.unlock(nobody, OPERATOR),
                identity.administration.resetMfa(nobody, OPERATOR), identity.administration.revokeAllTokens(nobody, OPERATOR),
                identity.administration.lock("not an email", OPERATOR));

        // then
        assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(Result.UnknownUser.class));
        assertThatThrownBy(() -> identity.administration.sessions(nobody)).isInstanceOf(UnknownUserException.class);
        assertThat(identity.audited).isEmpty();
    }
}
