package com.westbethel.motel.adapters.web.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides the trace context a client sends ({@code traceparent}, {@code tracestate}, {@code baggage}, B3) from the HTTP
 * server's observation, which would otherwise continue it: on a public API any client could then choose to be sampled
 * (every trace of a request loop kept and exported) and put baggage of its own into the trace, which the email outbox
 * stores and the worker carries on. Each request starts a trace of its own; the correlation a client may ask for is its
 * {@code X-Request-Id}. Behind a gateway that starts traces itself, {@code motel.tracing.trust-incoming-context=true}
 * turns this off. Runs first, before Boot's observation filter reads the headers.
 */
final class UntrustedTraceContextFilter extends OncePerRequestFilter {

    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate", "baggage", "b3");

    static boolean traceHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return TRACE_HEADERS.contains(lower) || lower.startsWith("x-b3-");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new WithoutTraceContext(request), response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static final class WithoutTraceContext extends HttpServletRequestWrapper {

        WithoutTraceContext(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return traceHeader(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return traceHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(name -> !traceHeader(name)).toList());
        }
    }
}
