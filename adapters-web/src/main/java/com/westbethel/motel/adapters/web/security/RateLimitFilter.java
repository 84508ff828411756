package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase.Admission;
import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every request against its kind's limit for the client's address and answers 429 with
 * {@code Retry-After} beyond it, before any work is done. The kind comes from the route the request
 * matches ({@link RateLimitRoutes}), the address from {@link ClientAddresses}. Limits per account are
 * applied by the endpoints that know the account. The API and the website share the buckets: a login through the site's
 * form counts against the same limit as one through the API, so neither is a way around the other's.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final AdmitRequestUseCase admit;
    private final RateLimitRoutes routes;

    RateLimitFilter(AdmitRequestUseCase admit, RateLimitRoutes routes) {
        this.admit = admit;
        this.routes = routes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Admission admission = admit.admitFromAddress(routes.kindOf(request), ClientAddresses.of(request));
        if (!admission.admitted()) {
            if (PageRequests.wantsPage(request)) {
                // The website's error page says it, in words; the error path renders it for this status.
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemResponses.retryAfterSeconds(admission.retryAfter())));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            } else {
                ProblemResponses.tooManyRequests(request, response, admission.retryAfter());
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
