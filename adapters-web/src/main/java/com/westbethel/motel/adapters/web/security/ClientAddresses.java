package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.domain.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The one place the API reads a request's client address: rate limits, login lockouts, the per-account
 * reset and verification limits, sessions and the login history all take it from here.
 *
 * <p>{@code getRemoteAddr()} is the connection's peer, unless Tomcat's {@code RemoteIpValve} replaced it
 * with the rightmost address in {@code X-Forwarded-For} that is not one of the proxies the operator
 * trusts ({@code server.tomcat.remoteip.internal-proxies}; none by default, so a client's own header is
 * ignored). A value that is not an IP literal is never used as a key: such requests share one.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    public static ClientAddress of(HttpServletRequest request) {
        return ClientAddress.parseOrUnknown(request.getRemoteAddr());
    }
}
