package com.westbethel.motel.adapters.web.edge;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is well formed (1 to 64 of
 * {@code A-Z a-z 0-9 . _ -}), otherwise a new UUID, so that a header with a newline, markup or 200 characters is never
 * reflected nor logged. The id is echoed on the response, whatever answers it (a controller, Spring Security's 401, the rate
 * limiter's 429, the error page), is in the logging MDC as {@code requestId} for every line of the request, and travels as
 * tracing baggage of the same name, so the outbox keeps it with the trace and the worker's lines for the request's
 * emails carry it too. Registered ahead of Spring Security, just behind the HTTP server's observation.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key and the baggage field ({@code management.tracing.baggage.remote-fields}). */
    public static final String KEY = "requestId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    private final Supplier<Tracer> tracer;

    public RequestIdFilter(Supplier<Tracer> tracer) {
        this.tracer = tracer;
    }

    /** The caller's id, when it is one this filter would keep. */
    static Optional<String> wellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Embedded Tomcat runs the error page (after sendError or an exception) as a new ERROR dispatch once the
        // REQUEST dispatch has ended, so this method runs again for it: the id given on the first pass is kept, or the
        // error page's lines and the echoed header would carry a second UUID.
        String id = request.getAttribute(ATTRIBUTE) instanceof String kept ? kept
                : wellFormed(request.getHeader(HEADER)).orElseGet(() -> UUID.randomUUID().toString());
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        within(id, request, response, chain);
    }

    /** An error page forwarded to within the request's dispatch runs under the request's id too. */
    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            within(id, request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private void within(String id, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String outer = MDC.get(KEY);
        MDC.put(KEY, id);
        try (BaggageInScope baggage = tracer.get().createBaggageInScope(KEY, id)) {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, outer);
            }
        }
    }
}
