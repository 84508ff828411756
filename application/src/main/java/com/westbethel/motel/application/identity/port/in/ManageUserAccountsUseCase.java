package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.UserSummary;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.UserId;
import java.util.List;

/**
 * An admin manages accounts from the staff console and its API: finds them by email, locks and unlocks them, gives and
 * takes the staff and admin roles. Every change is audited under the acting admin's user id and ends the account's
 * sessions where its tokens would otherwise keep what changed. Guard rails: nobody locks themselves or takes away their
 * own admin role, and the last unlocked admin is neither locked nor demoted.
 */
public interface ManageUserAccountsUseCase {

    int MAX_PAGE_SIZE = 100;

    /**
     * @param emailPart text the address contains (any case); blank for every account
     * @param page from 0
     * @throws IllegalArgumentException when the page is negative, the size is not 1 to {@link #MAX_PAGE_SIZE} or the text is over 320 characters
     */
    UserPage users(String emailPart, int page, int size);

    Change lock(UserId admin, UserId user);

    Change unlock(UserId admin, UserId user);

    /** @param role {@link Role#STAFF} or {@link Role#ADMIN} */
    Change grant(UserId admin, UserId user, Role role);

    /** @param role {@link Role#STAFF} or {@link Role#ADMIN}; an account left with no role is a guest's */
    Change revoke(UserId admin, UserId user, Role role);

    record UserPage(List<UserSummary> items, int page, int size, long totalItems) {
    }

    sealed interface Change {

        /** Done, or nothing to do ({@code what} says which). */
        record Done(UserSummary user, String what) implements Change {
        }

        record UnknownUser() implements Change {
        }

        /** A guard rail held: nothing changed. */
        record Refused(String reason) implements Change {
        }
    }
}
