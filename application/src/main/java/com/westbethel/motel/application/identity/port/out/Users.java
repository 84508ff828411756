package com.westbethel.motel.application.identity.port.out;

import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.List;
import java.util.Optional;

/** Where accounts are kept. */
public interface Users {

    Optional<User> findById(UserId id);

    /** Accounts, newest first. */
    List<User> list(int limit);

    /** Accounts whose address contains {@code emailPart}, ignoring case (every account when it is blank), newest first. */
    List<User> search(String emailPart, int offset, int limit);

    /** How many accounts {@link #search} finds in all. */
    long countMatching(String emailPart);

    Optional<User> findByEmail(EmailAddress email);

    /**
     * The account, held until the transaction ends: what reads it to change it and {@link #update saves} it whole must
     * read it here, so that two changes of one account queue rather than one overwriting the other (a password reset
     * read before an admin's lock and saved after it would unlock the account).
     */
    Optional<User> findByIdForChange(UserId id);

    /** As {@link #findByIdForChange}, by address. */
    Optional<User> findByEmailForChange(EmailAddress email);

    /** Adds a new account; false when the email address is already taken. */
    boolean add(User user);

    /** Saves the account whole; read it with {@link #findByIdForChange} or {@link #findByEmailForChange} in the same transaction. */
    void update(User user);

    boolean anyWithRole(Role role);

    /**
     * How many unlocked accounts hold the role, holding those accounts until the transaction ends: two admins who demote
     * or lock each other at once cannot both see the other as the admin who stays. Called before the changed account is
     * {@link #findByIdForChange held}, never after: the one order of locks is what keeps two such changes from deadlocking.
     */
    long holdUnlockedWithRole(Role role);
}
