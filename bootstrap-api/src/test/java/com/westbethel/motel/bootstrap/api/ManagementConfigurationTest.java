package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Actuator is open without a token only because it lives on its own port: an operator cannot fold it onto the public one. */
class ManagementConfigurationTest {

    @Test
    void actuator_on_the_public_port_is_refused_at_start() {
        MockEnvironment sharedPort = new MockEnvironment().withProperty("server.port", "8080").withProperty("management.server.port", "8080");
        MockEnvironment noManagementPort = new MockEnvironment().withProperty("server.port", "8080");

        assertThatThrownBy(() -> ManagementConfiguration.requireSeparateManagementPort(sharedPort))
                .hasMessageContaining("MANAGEMENT_SERVER_PORT");
        assertThatThrownBy(() -> ManagementConfiguration.requireSeparateManagementPort(noManagementPort))
                .hasMessageContaining("MANAGEMENT_SERVER_PORT");
    }

    @Test
    void a_port_of_its_own_random_ports_in_tests_or_actuator_turned_off_are_fine() {
        assertThatCode(() -> ManagementConfiguration.requireSeparateManagementPort(
                new MockEnvironment().withProperty("server.port", "8080").withProperty("management.server.port", "8081"))).doesNotThrowAnyException();
        assertThatCode(() -> ManagementConfiguration.requireSeparateManagementPort(
                new MockEnvironment().withProperty("server.port", "0").withProperty("management.server.port", "0"))).doesNotThrowAnyException();
        assertThatCode(() -> ManagementConfiguration.requireSeparateManagementPort(
                new MockEnvironment().withProperty("server.port", "8080").withProperty("management.server.port", "-1"))).doesNotThrowAnyException();
    }
}
