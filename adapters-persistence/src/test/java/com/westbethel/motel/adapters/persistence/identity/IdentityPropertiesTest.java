package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class IdentityPropertiesTest {

    private static final Instant STARTED = Instant.parse("2027-06-01T12:00:00Z");

    // Finding 11: every retired key has an expiry, whichever shape configured it.
    @Test
    void a_retired_key_carries_its_configured_expiry_or_one_token_lifetime_after_start() {
        IdentityProperties.Jwt jwt = new IdentityProperties.Jwt("motel", Duration.ofMinutes(15), "", "2027-06", Map.of(
                "2027-05.key", "bmV3", "2027-05.retired-until", "2027-06-02T00:00:00Z",
                "2027-04.key", "b2xk", "2027-04.retireduntil", "2027-05-02T00:00:00Z",
                "legacy", "bGVnYWN5"), Duration.ofSeconds(30));

        var retired = jwt.retiredKeys(STARTED);

        assertThat(retired).containsOnlyKeys("2027-05", "2027-04", "legacy");
        assertThat(retired.get("2027-05")).isEqualTo(new IdentityProperties.RetiredKey("bmV3", Instant.parse("2027-06-02T00:00:00Z")));
        assertThat(retired.get("2027-04").retiredUntil()).isEqualTo(Instant.parse("2027-05-02T00:00:00Z"));
        assertThat(retired.get("legacy")).isEqualTo(new IdentityProperties.RetiredKey("bGVnYWN5", Instant.parse("2027-06-01T12:15:30Z")));
    }

    @Test
    void a_retired_key_and_its_expiry_bind_from_environment_variables() {
        var environment = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "MOTEL_SECURITY_JWT_PREVIOUSKEYS_OLD_KEY", "b2xk",
                "MOTEL_SECURITY_JWT_PREVIOUSKEYS_OLD_RETIREDUNTIL", "2027-06-02T00:00:00Z",
                "MOTEL_SECURITY_JWT_PREVIOUSKEYS_LEGACY", "bGVnYWN5"));

        IdentityProperties.Jwt jwt = new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("motel.security.jwt", IdentityProperties.Jwt.class);

        assertThat(jwt.retiredKeys(STARTED)).containsEntry("old", new IdentityProperties.RetiredKey("b2xk", Instant.parse("2027-06-02T00:00:00Z")))
                .containsEntry("legacy", new IdentityProperties.RetiredKey("bGVnYWN5", Instant.parse("2027-06-01T12:15:30Z")));
    }

    @Test
    void an_expiry_without_its_key_is_a_configuration_error() {
        IdentityProperties.Jwt jwt = new IdentityProperties.Jwt("motel", Duration.ofMinutes(15), "", "primary",
                Map.of("old.retired-until", "2027-06-02T00:00:00Z"), Duration.ofSeconds(30));

        assertThatThrownBy(() -> jwt.retiredKeys(STARTED)).hasMessageContaining("previous-keys.old.key");
    }
}
