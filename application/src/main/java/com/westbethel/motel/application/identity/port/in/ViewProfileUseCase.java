package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.domain.identity.UserId;
import java.util.Optional;

public interface ViewProfileUseCase {

    Optional<UserView> profile(UserId user);
}
