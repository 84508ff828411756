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

    Optional<User> findByEmail(EmailAddress email);

    /** Adds a new account; false when the email address is already taken. */
    boolean add(User user);

    void update(User user);

    boolean anyWithRole(Role role);
}
