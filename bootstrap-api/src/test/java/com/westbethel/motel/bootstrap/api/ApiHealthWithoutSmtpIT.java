package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The API sends no mail, so its health must not depend on an SMTP server, even when one is configured (SPRING_MAIL_HOST is
 * often set for the API and the worker alike): here one that cannot be reached, the discard port on which nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=9"})
@DirtiesContext // a configuration no other test shares: its connections are given back when this class ends
class ApiHealthWithoutSmtpIT extends AbstractApiIT {

    @LocalManagementPort
    int managementPort;

    @Autowired
    ObjectProvider<JavaMailSender> mailSender;

    @Test
    void with_an_smtp_server_that_cannot_be_reached_the_api_is_up_and_ready_since_it_sends_no_mail() {
        Reply health = HttpProbe.withoutContract(managementPort).get("/actuator/health");
        Reply readiness = HttpProbe.withoutContract(managementPort).get("/actuator/health/readiness");

        assertThat(mailSender.getIfAvailable()).as("the SMTP settings are live: Boot would check the server").isNotNull();
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").has("mail")).as("no SMTP check in the API").isFalse();
        assertThat(health.json().path("components").path("memory").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("memory").path("details").path("maxUsedFraction").asDouble()).isEqualTo(0.9);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().path("components").has("memory")).as("memory never takes the API out of the load balancer").isFalse();
    }
}
