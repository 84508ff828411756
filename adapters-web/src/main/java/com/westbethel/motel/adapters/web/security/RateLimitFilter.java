package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase.Admission;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase.RequestKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every API request against its kind's limit for the client's address and answers 429 with
 * {@code Retry-After} beyond it, before any work is done. Limits per account are applied by the
 * endpoints that know the account.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Map<String, RequestKind> AUTH_POSTS = Map.of(
            "/api/v1/auth/login", RequestKind.LOGIN,
            "/api/v1/auth/register", RequestKind.REGISTER,
            "/api/v1/auth/forgot-password", RequestKind.PASSWORD_RESET,
            "/api/v1/auth/reset-password", RequestKind.PASSWORD_RESET,
            "/api/v1/auth/resend-verification", RequestKind.VERIFICATION,
            "/api/v1/auth/verify-email", RequestKind.VERIFICATION);

    private final AdmitRequestUseCase admit;

    RateLimitFilter(AdmitRequestUseCase admit) {
        this.admit = admit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Admission admission = admit.admitFromAddress(kindOf(request), request.getRemoteAddr());
        if (!admission.admitted()) {
            ProblemResponses.tooManyRequests(request, response, admission.retryAfter());
            return;
        }
        chain.doFilter(request, response);
    }

    private static RequestKind kindOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        if ("POST".equals(request.getMethod()) && AUTH_POSTS.containsKey(path)) {
            return AUTH_POSTS.get(path);
        }
        return path.startsWith("/api/v1/auth/mfa/") ? RequestKind.MFA : RequestKind.API;
    }
}
