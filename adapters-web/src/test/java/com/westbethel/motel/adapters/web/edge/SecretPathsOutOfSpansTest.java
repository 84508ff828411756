package com.westbethel.motel.adapters.web.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SecretPathsOutOfSpansTest {

    private final SecretPathsOutOfSpans filter = new SecretPathsOutOfSpans();

    @Test
    void a_manage_links_token_is_replaced_in_the_recorded_url_of_every_manage_page() {
        assertThat(recordedUrl("/manage/i6a0CCPkT0mLgkSvceT0fQAAAABrbpHQ.8w6kMVrA79XKjb8GkNhQyf")).isEqualTo("/manage/{token}");
        assertThat(recordedUrl("/manage/i6a0CCPkT0mLgkSvceT0fQ.secret/cancel")).isEqualTo("/manage/{token}/cancel");
        assertThat(recordedUrl("/manage/i6a0CCPkT0mLgkSvceT0fQ.secret/booking.ics")).isEqualTo("/manage/{token}/booking.ics");
    }

    @Test
    void other_urls_and_other_observations_are_left_as_they_are() {
        assertThat(recordedUrl("/api/v1/bookings/3f1c/payments")).isEqualTo("/api/v1/bookings/3f1c/payments");

        Observation.Context other = new Observation.Context();
        other.addHighCardinalityKeyValue(KeyValue.of("http.url", "/manage/not-a-server-request"));
        assertThat(filter.map(other).getHighCardinalityKeyValue("http.url").getValue()).isEqualTo("/manage/not-a-server-request");
    }

    private String recordedUrl(String path) {
        ServerRequestObservationContext context = new ServerRequestObservationContext(new MockHttpServletRequest("GET", path),
                new MockHttpServletResponse());
        context.addHighCardinalityKeyValue(KeyValue.of("http.url", path));
        return filter.map(context).getHighCardinalityKeyValue("http.url").getValue();
    }
}
