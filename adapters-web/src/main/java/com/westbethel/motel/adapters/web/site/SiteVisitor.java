package com.westbethel.motel.adapters.web.site;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.Role;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The layout's view of who is looking and where: templates call it as {@code ${@siteVisitor.signedIn()}} on every page,
 * error pages included (which no controller's model reaches). Thymeleaf refuses bean references in attribute values
 * ({@code th:href}, {@code th:aria-*}): read it in {@code th:with} or {@code th:if}.
 */
public final class SiteVisitor {

    /** Whether the visitor is logged in (the same principal as an API caller with a bearer token). */
    public boolean signedIn() {
        return caller().isPresent();
    }

    /** Whether the visitor is an admin: the staff console's layout links its admin screens for them alone. */
    public boolean admin() {
        return caller().map(claims -> claims.roles().contains(Role.ADMIN)).orElse(false);
    }

    /** The path of the page being rendered ({@code /account}), for {@code aria-current} in the navigation. */
    public String path() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "";
        }
        var request = attributes.getRequest();
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static Optional<AccessTokenClaims> caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccessTokenClaims claims ? Optional.of(claims) : Optional.empty();
    }
}
