package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The API as production runs it: the prod profile, behind a TLS-terminating proxy that Tomcat trusts (here 127.0.0.1
 * alone, through server.tomcat.remoteip.internal-proxies). The same machine's ::1 plays a client that is not that proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // prod refuses to start without these; the test supplies them as an operator would.
        "spring.datasource.password=motel", "motel.security.mfa-encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "motel.audit.hmac-key=ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=",
        "server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"})
@ActiveProfiles({"test", "prod"})
class ProductionEdgeIT {

    private static final String HSTS = "strict-transport-security";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    // Finding 12
    @Test
    void hsts_is_sent_when_the_trusted_proxy_says_the_client_came_over_https() throws IOException {
        RawHttp.Response response = RawHttp.loopback(port).get("/api/v1/room-types", "X-Forwarded-Proto: https");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get(HSTS)).isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    // Finding 12
    @Test
    void no_hsts_over_plain_http_nor_when_an_untrusted_client_claims_https() throws IOException {
        RawHttp untrusted = new RawHttp(InetAddress.getByName("::1"), port);

        assertThat(RawHttp.loopback(port).get("/api/v1/room-types").headers()).doesNotContainKey(HSTS);
        assertThat(untrusted.get("/api/v1/room-types", "X-Forwarded-Proto: https").headers()).doesNotContainKey(HSTS);
    }

    // Finding 4
    @Test
    void the_api_documentation_is_not_published_in_production() throws IOException {
        RawHttp.Response document = RawHttp.loopback(port).get("/v3/api-docs");
        RawHttp.Response ui = RawHttp.loopback(port).get("/swagger-ui/index.html");

        assertThat(document.status()).isEqualTo(404);
        assertThat(document.contentType()).startsWith("application/problem+json");
        assertThat(ui.status()).isEqualTo(404);
        assertThat(RawHttp.loopback(managementPort).get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
