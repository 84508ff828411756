package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase;
import com.westbethel.motel.application.identity.port.out.RevocationRecords.RevokedEntry;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "tokens",
        description = "Access-token revocation. A revoked token is refused by the running API at once (Redis holds the fast copy, "
                + "PostgreSQL the record the API falls back to).",
        mixinStandardHelpOptions = true,
        subcommands = {TokensCommand.Revoke.class, TokensCommand.ListRevoked.class})
class TokensCommand {

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes one access token, or everything a user holds on every device.",
            footer = {"", "Examples:", "  motel-admin tokens revoke --jti 3f1c1f0e-8a4b-4c55-9d7e-2b1a6f0c9d11",
                "  motel-admin tokens revoke --user anna@example.com"})
    static class Revoke extends AdminCommand {

        @ArgGroup(multiplicity = "1")
        Target target;

        static class Target {
            @Option(names = "--jti", description = "The token's id (its jti claim).")
            String jti;

            @Option(names = "--user", description = "Every token and session of this account: a per-user not-before and all refresh tokens.")
            String user;
        }

        @Override
        public Integer call() {
            AdministerUsersUseCase users = beans.get(AdministerUsersUseCase.class);
            if (target.jti != null) {
                users.revokeToken(target.jti, MotelAdmin.ACTOR);
                output.out().println("Revoked token " + target.jti + ".");
                return UsersCommand.revoked(beans, output, 0);
            }
            return UsersCommand.revoked(beans, output, UsersCommand.report(output, users.revokeAllTokens(target.user, MotelAdmin.ACTOR)));
        }
    }

    @Command(name = "list-revoked", mixinStandardHelpOptions = true,
            description = "Revocations still in force, newest first: single tokens (JTI), sessions (SESSION) and users revoked everywhere (USER).",
            footer = {"", "Example:", "  motel-admin tokens list-revoked --json"})
    static class ListRevoked extends AdminCommand {

        @Mixin
        ListingOptions listing;

        @Override
        public Integer call() {
            List<RevokedEntry> revoked = beans.get(AdministerUsersUseCase.class).revoked(listing.limit);
            output.list(listing, revoked, List.of("KIND", "ID", "SINCE", "UNTIL"),
                    entry -> List.of(entry.kind(), entry.id(), String.valueOf(entry.since()), entry.until() == null ? "-" : entry.until().toString()));
            return 0;
        }
    }
}
