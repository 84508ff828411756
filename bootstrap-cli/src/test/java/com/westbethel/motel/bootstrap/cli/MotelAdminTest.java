package com.westbethel.motel.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
        CommandLine root = new CommandLine(new MotelAdmin(), new SpringBeans(Map.of(), new PrintWriter(new StringWriter())));
        List<String> leaves = new ArrayList<>();
        collectLeaves(root, List.of(), leaves);
        assertThat(leaves).contains("db info", "db migrate", "tokens revoke", "tokens list-revoked", "sessions list", "sessions revoke",
                "users list", "users create-admin", "users lock", "users unlock", "users reset-mfa", "mail status", "mail dead", "mail retry",
                "mail purge", "mail preview", "backup create", "backup list", "backup verify", "backup restore", "backup prune", "audit verify");

        for (String leaf : leaves) {
            List<String> args = new ArrayList<>(List.of(leaf.split(" ")));
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(leaf).isZero();
            assertThat(run.out()).as(leaf).contains("Usage: motel-admin " + leaf).contains("Example");
        }
    }

    @Test
    void a_bash_completion_script_is_generated() {
        CliRun run = CliRun.of("generate-completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F").contains("motel-admin").contains("reset-mfa").contains("list-revoked");
    }

    @Test
    void a_malformed_argument_is_a_usage_error_before_anything_starts() {
        CliRun id = CliRun.of("sessions", "revoke", "not-a-uuid");
        CliRun duration = CliRun.of("mail", "purge", "--sent-older-than", "a while");
        CliRun both = CliRun.of("tokens", "revoke", "--jti", "x", "--user", "a@example.com");

        assertThat(id.exitCode()).isEqualTo(2);
        assertThat(id.err()).contains("not-a-uuid");
        assertThat(duration.exitCode()).isEqualTo(2);
        assertThat(duration.err()).contains("is not a duration such as 30d");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    private static void collectLeaves(CommandLine command, List<String> path, List<String> leaves) {
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help") || sub.getKey().equals("generate-completion")) {
                continue;
            }
            List<String> here = new ArrayList<>(path);
            here.add(sub.getKey());
            if (sub.getValue().getSubcommands().isEmpty()) {
                leaves.add(String.join(" ", here));
            } else {
                collectLeaves(sub.getValue(), here, leaves);
            }
        }
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
