package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the API sends over the wire: JSON, problems and pages over 1 KB gzip-compressed for a client that accepts it,
 * smaller answers as they are; the public catalogue cacheable with an ETag and a 304 on revalidation; personal answers
 * never cacheable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpCachingIT extends AbstractApiIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private String availability() {
        LocalDate checkIn = LocalDate.now().plusMonths(8);
        return "/api/v1/availability?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(3) + "&guests=2";
    }

    @Test
    void json_and_pages_over_a_kilobyte_leave_gzip_compressed() throws Exception {
        for (String path : new String[] {"/v3/api-docs", "/"}) {
            HttpResponse<byte[]> plain = fetch(path, "identity");
            HttpResponse<byte[]> gzipped = fetch(path, "gzip");

            assertThat(plain.body().length).as("%s is over a kilobyte", path).isGreaterThan(1024);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(gzipped.headers().allValues("Vary")).as(path).anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
            assertThat(gzipped.body().length).as(path).isLessThan(plain.body().length);
            assertThat(gunzip(gzipped.body())).as(path).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Tomcat weighs min-response-size against a known Content-Length: problems, and the catalogue (whose ETag filter
     * buffers the body), are sent as they are under 1 KB. JSON streamed without a length is compressed whatever its size.
     */
    @Test
    void answers_of_known_length_under_a_kilobyte_are_not_compressed() throws Exception {
        HttpResponse<byte[]> problem = fetch("/api/v1/availability?checkIn=2027-07-04&checkOut=2027-07-01", "gzip");

        assertThat(problem.statusCode()).isEqualTo(400);
        assertThat(problem.body().length).isLessThan(1024);
        assertThat(problem.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void room_types_are_public_for_an_hour_and_revalidate_to_a_304() {
        Reply first = http.get("/api/v1/room-types");

        assertThat(first.header("Cache-Control")).isEqualTo("max-age=3600, public");
        assertThat(first.header("ETag")).startsWith("W/\"");
        assertNotModifiedWhenRevalidated("/api/v1/room-types", first);
    }

    @Test
    void availability_is_public_for_thirty_seconds_and_revalidates_to_a_304() {
        Reply first = http.get(availability());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("max-age=30, public");
        assertThat(first.header("ETag")).startsWith("W/\"");
        assertNotModifiedWhenRevalidated(availability(), first);
    }

    @Test
    void a_changed_answer_is_sent_whole_under_a_new_etag() {
        Reply first = http.get(availability());

        Reply stale = http.send(http.request(availability()).header("If-None-Match", "W/\"0123456789abcdef0123456789abcdef\"").GET());

        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(first.body());
        assertThat(stale.header("ETag")).isEqualTo(first.header("ETag"));
    }

    @Test
    void personal_answers_and_refusals_are_never_stored_nor_tagged() {
        String guest = guests.loggedInGuest("private");

        Reply bookings = http.get("/api/v1/bookings", guest);
        Reply profile = http.get("/api/v1/users/me", guest);
        Reply refused = http.get("/api/v1/availability?checkIn=2027-07-04&checkOut=2027-07-01");

        for (Reply reply : new Reply[] {bookings, profile, refused}) {
            assertThat(reply.header("Cache-Control")).as(reply.body()).contains("no-store");
            assertThat(reply.header("ETag")).as(reply.body()).isNull();
        }
    }

    private void assertNotModifiedWhenRevalidated(String path, Reply first) {
        Reply again = http.send(http.request(path).header("If-None-Match", first.header("ETag")).GET());
        // A client may send the strong form of the tag; a weak comparison matches it too (RFC 9110 13.1.2).
        Reply strong = http.send(http.request(path).header("If-None-Match", first.header("ETag").substring(2)).GET());

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Cache-Control")).isEqualTo(first.header("Cache-Control"));
        assertThat(strong.status()).isEqualTo(304);
    }

    private HttpResponse<byte[]> fetch(String path, String encoding) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept-Encoding", encoding)
                .header("Accept", path.startsWith("/api") || path.startsWith("/v3") ? "application/json" : "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
