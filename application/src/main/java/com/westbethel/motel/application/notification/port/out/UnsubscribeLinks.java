package com.westbethel.motel.application.notification.port.out;

import com.westbethel.motel.domain.notification.UnsubscribeToken;
import java.util.Optional;

/**
 * Signs and checks the tokens of one-click unsubscribe links, so that a link works without logging in
 * and cannot be altered to unsubscribe someone else.
 */
public interface UnsubscribeLinks {

    String sign(UnsubscribeToken token);

    /** The token's guest and type when the signature holds; empty when malformed or tampered with. */
    Optional<UnsubscribeToken> verify(String token);
}
