package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.UserView;
import com.westbethel.motel.application.identity.port.in.ViewProfileUseCase;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.domain.identity.UserId;
import java.util.Optional;

/** A user's own account, as the account page shows it. */
public record ViewProfileService(Users users) implements ViewProfileUseCase {

    @Override
    public Optional<UserView> profile(UserId user) {
        return users.findById(user).map(UserView::of);
    }
}
