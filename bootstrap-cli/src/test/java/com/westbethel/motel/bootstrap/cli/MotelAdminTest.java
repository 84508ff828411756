package com.westbethel.motel.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What works with nothing running: help, version and usage errors never start Spring. */
class MotelAdminTest {

    @Test
    void help_lists_the_commands_and_exits_zero() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: motel-admin").contains("db ").contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void every_command_has_help_with_an_example() {
        CliRun run = CliRun.of("db", "info", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: motel-admin db info").contains("Example:");
    }

    @Test
    void version_names_the_build() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("motel-admin 0.").doesNotContain("unknown").doesNotContain("@project.version@");
    }

    @Test
    void an_unknown_command_is_a_usage_error_with_exit_code_2() {
        CliRun run = CliRun.of("reboot-the-motel");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'reboot-the-motel'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_failure_is_explained_in_one_line_from_its_root_cause() {
        IllegalStateException failure = new IllegalStateException("wrapper",
                new RuntimeException("disk full\n  while writing backup"));

        assertThat(MotelAdmin.explain(failure)).isEqualTo("disk full while writing backup");
    }
}
