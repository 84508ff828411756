package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.adapters.persistence.startup.StartupPreconditionException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of {@code motel-admin}. Exit codes: 0 success, 1 failure, 2 usage error. The Spring
 * context (database, Redis) starts only when a command needs it, so {@code --help} and
 * {@code --version} work on a machine with nothing running.
 */
@Command(name = "motel-admin",
        mixinStandardHelpOptions = true,
        versionProvider = MotelAdminVersion.class,
        description = "Administers the West Bethel Motel booking system: database, tokens, backups, users, mail, cache.",
        subcommands = {DbCommand.class, TokensCommand.class, SessionsCommand.class, UsersCommand.class, MailCommand.class, BackupCommand.class,
            AuditCommand.class, CacheCommand.class, AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        footer = {"", "Configuration comes from the same properties and environment variables as the API, for example "
                + "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD, SPRING_DATA_REDIS_HOST.",
            "Bash completion: source <(motel-admin generate-completion)"})
public class MotelAdmin {

    public static final int FAILURE = 1;

    /** Who the audit log says made a change from here. */
    static final String ACTOR = "motel-admin:" + System.getProperty("user.name", "unknown");

    public static void main(String[] args) {
        System.exit(run(Map.of(), args));
    }

    /**
     * Runs one invocation.
     *
     * @param settings Spring properties that take precedence over every other source (used by tests)
     */
    static int run(Map<String, Object> settings, String... args) {
        return run(settings, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(Map<String, Object> settings, PrintWriter out, PrintWriter err, String... args) {
        try (SpringBeans beans = new SpringBeans(settings, err)) {
            CommandLine commandLine = new CommandLine(new MotelAdmin(), beans)
                    .setOut(out)
                    .setErr(err)
                    .setExecutionExceptionHandler(MotelAdmin::reportFailure);
            return commandLine.execute(args);
        }
    }

    private static int reportFailure(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("motel-admin: " + explain(failure));
        return FAILURE;
    }

    /** One line an admin can act on: a failed precondition says what to do; anything else its root cause. */
    static String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupPreconditionException precondition) {
                return precondition.oneLine();
            }
            // PostgreSQL's undefined_table: a database this version has not migrated yet.
            if (cause instanceof SQLException sql && "42P01".equals(sql.getSQLState())) {
                return "The database's schema is missing or older than this tool (" + StartupPreconditionException.rootCauseInOneLine(sql)
                        + "). Run motel-admin db migrate, or start the API, which migrates it.";
            }
        }
        return StartupPreconditionException.rootCauseInOneLine(failure);
    }
}
