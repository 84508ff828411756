package com.westbethel.motel.application.identity.service;

import static com.westbethel.motel.application.identity.service.IdentityFixture.EMAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.UserSummary;
import com.westbethel.motel.application.identity.port.in.ManageUserAccountsUseCase.Change;
import com.westbethel.motel.application.identity.port.in.ManageUserAccountsUseCase.UserPage;
import com.westbethel.motel.application.identity.service.IdentityFixture.GuestOnTwoDevices;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import org.junit.jupiter.api.Test;

/** The staff console's account screens, as an admin uses them over the API. */
class ManageUserAccountsServiceTest {

    private final IdentityFixture identity = new IdentityFixture();
    private final ManageUserAccountsService accounts = new ManageUserAccountsService(identity.users, identity.enrolments,
            identity.administration, identity.termination, identity.auditLog, identity.clock);
    private final User boss = identity.existingMember("boss@example.com", Role.ADMIN);

    @Test
    void the_list_is_searched_by_email_a_page_at_a_time_with_the_total() {
        // given
        identity.existingMember("desk@example.com", Role.STAFF);
        identity.existingMember("night.desk@example.com", Role.STAFF);

        // when
        UserPage first = accounts.users("DESK", 0, 1);
        UserPage second = accounts.users("desk", 1, 1);

        // then
        assertThat(first.totalItems()).isEqualTo(2);
        assertThat(first.items()).extracting(UserSummary::email).containsExactly("night.desk@example.com");
        assertThat(second.items()).extracting(UserSummary::email).containsExactly("desk@example.com");
        assertThat(accounts.users("", 0, 10).totalItems()).isEqualTo(3);
    }

    @Test
    void a_page_out_of_bounds_or_an_overlong_search_is_refused() {
        assertThatThrownBy(() -> accounts.users("", -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.users("", 0, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.users("x".repeat(321), 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_locked_account_loses_its_sessions_and_both_changes_are_audited_under_the_admin() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        UserId annaId = identity.users.stored(EMAIL).id();

        // when
        Change locked = accounts.lock(boss.id(), annaId);

        // then
        assertThat(locked).isInstanceOfSatisfying(Change.Done.class, done -> assertThat(done.user().locked()).isTrue());
        assertThat(identity.accepted(anna.laptop())).isFalse();

        // when
        Change unlocked = accounts.unlock(boss.id(), annaId);

        // then
        assertThat(unlocked).isInstanceOfSatisfying(Change.Done.class, done -> assertThat(done.user().locked()).isFalse());
        assertThat(identity.audited).extracting(entry -> entry.action() + " by " + entry.actor())
                .containsSubsequence("USER_LOCKED by admin:" + boss.id(), "USER_UNLOCKED by admin:" + boss.id());
    }

    @Test
    void an_admin_cannot_lock_themselves_or_take_away_their_own_admin_role() {
        assertThat(accounts.lock(boss.id(), boss.id())).isEqualTo(new Change.Refused("You cannot lock your own account."));
        assertThat(accounts.revoke(boss.id(), boss.id(), Role.ADMIN)).isEqualTo(new Change.Refused("You cannot take away your own admin role."));

        assertThat(identity.users.stored("boss@example.com").enabled()).isTrue();
        assertThat(identity.users.stored("boss@example.com").roles()).containsExactly(Role.ADMIN);
        assertThat(identity.audited).isEmpty();
    }

    @Test
    void the_last_unlocked_admin_is_neither_demoted_nor_locked() {
        // given: the acting admin was locked a moment ago, so the boss is the only unlocked admin
        User deputy = identity.existingMember("deputy@example.com", Role.ADMIN);
        accounts.lock(boss.id(), deputy.id());
        identity.audited.clear();

        // when
        Change demoted = accounts.revoke(deputy.id(), boss.id(), Role.ADMIN);
        Change locked = accounts.lock(deputy.id(), boss.id());

        // then
        assertThat(demoted).isInstanceOfSatisfying(Change.Refused.class, refused -> assertThat(refused.reason()).contains("only unlocked admin"));
        assertThat(locked).isInstanceOf(Change.Refused.class);
        assertThat(identity.users.stored("boss@example.com").roles()).containsExactly(Role.ADMIN);
        assertThat(identity.audited).isEmpty();
    }

    @Test
    void a_granted_role_ends_the_accounts_sessions_so_that_the_next_token_carries_it_and_is_audited() {
        // given
        GuestOnTwoDevices anna = identity.guestOnLaptopAndPhone();
        UserId annaId = identity.users.stored(EMAIL).id();

        // when
        Change granted = accounts.grant(boss.id(), annaId, Role.STAFF);

        // then
        assertThat(granted).isInstanceOfSatisfying(Change.Done.class,
                done -> assertThat(done.user().roles()).containsExactly(Role.GUEST, Role.STAFF));
        assertThat(identity.users.stored(EMAIL).roles()).containsExactly(Role.GUEST, Role.STAFF);
        assertThat(identity.accepted(anna.laptop())).isFalse();
        assertThat(identity.audited).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("USER_ROLE_GRANTED");
            assertThat(entry.actor()).isEqualTo("admin:" + boss.id());
            assertThat(entry.entityId()).isEqualTo(annaId.toString());
            assertThat(entry.before()).containsEntry("roles", "[GUEST]");
            assertThat(entry.after()).containsEntry("roles", "[GUEST, STAFF]");
        });
        assertThat(accounts.grant(boss.id(), annaId, Role.STAFF)).isInstanceOfSatisfying(Change.Done.class,
                again -> assertThat(again.what()).isEqualTo("already had the staff role"));
    }

    @Test
    void another_admin_loses_the_role_and_their_sessions_and_a_lone_staff_role_taken_leaves_a_guest() {
        // given
        User deputy = identity.existingMember("deputy@example.com", Role.ADMIN);
        User clerk = identity.existingMember("desk@example.com", Role.STAFF);

        // when
        Change demoted = accounts.revoke(boss.id(), deputy.id(), Role.ADMIN);
        Change clerkDemoted = accounts.revoke(boss.id(), clerk.id(), Role.STAFF);

        // then
        assertThat(demoted).isInstanceOf(Change.Done.class);
        assertThat(identity.users.stored("deputy@example.com").roles()).containsExactly(Role.GUEST);
        assertThat(identity.users.stored("deputy@example.com").tokensValidAfter()).contains(identity.clock.instant());
        assertThat(clerkDemoted).isInstanceOf(Change.Done.class);
        assertThat(identity.users.stored("desk@example.com").roles()).containsExactly(Role.GUEST);
        assertThat(identity.audited).extracting(entry -> entry.action()).containsExactly("USER_ROLE_REVOKED", "USER_ROLE_REVOKED");
        assertThat(accounts.revoke(boss.id(), clerk.id(), Role.STAFF)).isInstanceOfSatisfying(Change.Done.class,
                again -> assertThat(again.what()).isEqualTo("did not have the staff role"));
    }

    @Test
    void an_unknown_account_is_reported_and_the_guest_role_is_not_given_here() {
        assertThat(accounts.lock(boss.id(), UserId.random())).isInstanceOf(Change.UnknownUser.class);
        assertThat(accounts.grant(boss.id(), UserId.random(), Role.ADMIN)).isInstanceOf(Change.UnknownUser.class);
        assertThatThrownBy(() -> accounts.grant(boss.id(), boss.id(), Role.GUEST)).isInstanceOf(IllegalArgumentException.class);
    }
}
