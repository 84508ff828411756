package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a verified, unrevoked access token; its principal is the token's claims. */
final class BearerAuthentication extends AbstractAuthenticationToken {

    private final AccessTokenClaims claims;

    BearerAuthentication(AccessTokenClaims claims) {
        super(claims.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.claims = claims;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public AccessTokenClaims getPrincipal() {
        return claims;
    }

    @Override
    public String getName() {
        return claims.user().toString();
    }
}
