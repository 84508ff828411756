package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.SessionSummary;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sessions", description = "Users' login sessions.", mixinStandardHelpOptions = true,
        subcommands = {SessionsCommand.ListSessions.class, SessionsCommand.Revoke.class})
class SessionsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "A user's active sessions.",
            footer = {"", "Example:", "  motel-admin sessions list --user anna@example.com"})
    static class ListSessions extends AdminCommand {

        @Option(names = "--user", required = true, description = "The account's email address.")
        String user;

        @Mixin
        JsonOption format;

        @Override
        public Integer call() {
            List<SessionSummary> sessions = beans.get(AdministerUsersUseCase.class).sessions(user);
            output.list(format, sessions, List.of("ID", "ADDRESS", "STARTED", "LAST SEEN", "DEVICE"),
                    session -> List.of(session.id().toString(), session.ipAddress(), session.createdAt().toString(),
                            session.lastSeenAt().toString(), session.userAgent()));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Ends one session: its refresh token and access tokens stop working.",
            footer = {"", "Example:", "  motel-admin sessions revoke 6b0d3c4e-1f2a-4b5c-8d9e-0a1b2c3d4e5f"})
    static class Revoke extends AdminCommand {

        @Parameters(paramLabel = "ID", description = "The session's id (from sessions list).")
        UUID id;

        @Override
        public Integer call() {
            if (!beans.get(AdministerUsersUseCase.class).endSession(id, MotelAdmin.ACTOR)) {
                output.err().println("motel-admin: There is no active session " + id + ".");
                return MotelAdmin.FAILURE;
            }
            output.out().println("Ended session " + id + ".");
            return UsersCommand.revoked(beans, output, 0);
        }
    }
}
