package com.westbethel.motel.adapters.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class UntrustedTraceContextFilterTest {

    @Test
    void the_next_filter_sees_none_of_the_clients_trace_headers_and_every_other_header() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/availability");
        request.addHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        request.addHeader("TraceState", "vendor=1");
        request.addHeader("baggage", "requestId=forged,tenant=other");
        request.addHeader("b3", "4bf92f3577b34da6-00f067aa0ba902b7-1");
        request.addHeader("X-B3-Sampled", "1");
        request.addHeader("X-Request-Id", "client-chosen-id");
        request.addHeader("Accept", "application/json");
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

        new UntrustedTraceContextFilter().doFilter(request, new MockHttpServletResponse(),
                (passed, response) -> seen.set((HttpServletRequest) passed));

        HttpServletRequest next = seen.get();
        assertThat(next.getHeader("traceparent")).isNull();
        assertThat(next.getHeader("tracestate")).isNull();
        assertThat(next.getHeader("Baggage")).isNull();
        assertThat(next.getHeader("b3")).isNull();
        assertThat(next.getHeader("x-b3-sampled")).isNull();
        assertThat(Collections.list(next.getHeaders("traceparent"))).isEmpty();
        assertThat(Collections.list(next.getHeaderNames())).containsExactlyInAnyOrder("X-Request-Id", "Accept");
        assertThat(next.getHeader("X-Request-Id")).isEqualTo("client-chosen-id");
    }
}
