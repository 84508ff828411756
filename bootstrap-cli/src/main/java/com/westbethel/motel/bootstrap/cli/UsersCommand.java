package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.adapters.persistence.identity.RedisBackedRevocationList;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.Result;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.UserSummary;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", description = "Accounts: list, create an admin, lock and unlock, reset two-factor login.",
        mixinStandardHelpOptions = true,
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.CreateAdmin.class, UsersCommand.Lock.class, UsersCommand.Unlock.class,
            UsersCommand.ResetMfa.class})
class UsersCommand {

    /**
     * After a revocation: fails the command when Redis missed it and could not be told (the API might go on
     * trusting Redis's copy); otherwise the exit code given.
     */
    static int revoked(SpringBeans beans, OutputOptions output, int exitCode) {
        if (exitCode == 0 && !beans.get(RedisBackedRevocationList.class).redisInStep()) {
            output.err().println("motel-admin: The revocation is recorded in PostgreSQL, but Redis missed it and cannot be reached: "
                    + "the API may accept the token until Redis is back. Run the command again once Redis is up.");
            return MotelAdmin.FAILURE;
        }
        return exitCode;
    }

    /** Prints what happened to a user, or why nothing did; the exit code to return. */
    static int report(OutputOptions output, Result result) {
        if (result instanceof Result.Done done) {
            output.out().println(done.user().email() + ": " + done.what() + ".");
            return 0;
        }
        if (result instanceof Result.UnknownUser unknown) {
            output.err().println("motel-admin: There is no account for " + unknown.email() + ".");
            return MotelAdmin.FAILURE;
        }
        output.err().println("motel-admin: " + ((Result.Refused) result).reason());
        return MotelAdmin.FAILURE;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Accounts, newest first.",
            footer = {"", "Example:", "  motel-admin users list --limit 20"})
    static class ListUsers extends AdminCommand {

        @Mixin
        ListingOptions listing;

        @Override
        public Integer call() {
            List<UserSummary> users = beans.get(AdministerUsersUseCase.class).users(listing.limit);
            output.list(listing, users, List.of("EMAIL", "NAME", "ROLES", "VERIFIED", "LOCKED", "MFA", "CREATED"),
                    user -> List.of(user.email(), user.name(), String.join(",", new TreeSet<>(user.roles().stream().map(Enum::name).toList())),
                            yes(user.emailVerified()), yes(user.locked()), yes(user.mfa()), user.createdAt().toString()));
            return 0;
        }

        private static String yes(boolean value) {
            return value ? "yes" : "no";
        }
    }

    @Command(name = "create-admin", mixinStandardHelpOptions = true,
            description = "Creates an administrator. The password is asked for (twice) on the terminal, or read from standard input "
                    + "with --password-stdin; never as an argument, where it would stay in the shell's history.",
            footer = {"", "Examples:", "  motel-admin users create-admin --email manager@westbethelmotel.com",
                "  pass show motel/manager | motel-admin users create-admin --email manager@westbethelmotel.com --password-stdin"})
    static class CreateAdmin extends AdminCommand {

        @Option(names = "--email", required = true, description = "The admin's email address.")
        String email;

        @Option(names = "--first-name", defaultValue = "Motel", description = "Default: ${DEFAULT-VALUE}.")
        String firstName;

        @Option(names = "--last-name", defaultValue = "Admin", description = "Default: ${DEFAULT-VALUE}.")
        String lastName;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            String password;
            if (passwordStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    output.err().println("motel-admin: No password on standard input.");
                    return MotelAdmin.FAILURE;
                }
                password = line;
            } else {
                Console console = System.console();
                if (console == null) {
                    output.err().println("motel-admin: No terminal to ask for the password on; pipe it in with --password-stdin.");
                    return MotelAdmin.FAILURE;
                }
                char[] first = console.readPassword("Password for %s: ", email);
                char[] again = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    output.err().println("motel-admin: The passwords differ; nothing was created.");
                    return MotelAdmin.FAILURE;
                }
                password = new String(first);
            }
            return report(output, beans.get(AdministerUsersUseCase.class).createAdmin(email, password, firstName, lastName, MotelAdmin.ACTOR));
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true, description = "Locks an account: no login, every session ended.",
            footer = {"", "Example:", "  motel-admin users lock anna@example.com"})
    static class Lock extends AdminCommand {

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            return revoked(beans, output, report(output, beans.get(AdministerUsersUseCase.class).lock(email, MotelAdmin.ACTOR)));
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Unlocks a locked account.",
            footer = {"", "Example:", "  motel-admin users unlock anna@example.com"})
    static class Unlock extends AdminCommand {

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            return report(output, beans.get(AdministerUsersUseCase.class).unlock(email, MotelAdmin.ACTOR));
        }
    }

    @Command(name = "reset-mfa", mixinStandardHelpOptions = true,
            description = "Recovers an account whose owner lost their authenticator: removes two-factor login, ends every session, "
                    + "audits it and tells the owner by email. They set two-factor login up again at their next login.",
            footer = {"", "Example:", "  motel-admin users reset-mfa manager@westbethelmotel.com"})
    static class ResetMfa extends AdminCommand {

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            return revoked(beans, output, report(output, beans.get(AdministerUsersUseCase.class).resetMfa(email, MotelAdmin.ACTOR)));
        }
    }
}
