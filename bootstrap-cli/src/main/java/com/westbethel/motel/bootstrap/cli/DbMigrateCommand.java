package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.application.operations.port.in.MigrateDatabaseUseCase;
import com.westbethel.motel.application.operations.port.in.MigrateDatabaseUseCase.MigrationOutcome;
import picocli.CommandLine.Command;

@Command(name = "migrate",
        description = "Applies every pending schema migration (Flyway). The API and the worker do this when they start; this is for "
                + "migrating before a release, or with them stopped.",
        mixinStandardHelpOptions = true,
        footer = {"", "Example:", "  motel-admin backup create && motel-admin db migrate"})
class DbMigrateCommand extends AdminCommand {

    @Override
    public Integer call() {
        MigrationOutcome outcome = beans.get(MigrateDatabaseUseCase.class).migrate();
        output.out().printf("Applied %d migration(s); %s is at schema version %s.%n", outcome.applied(), outcome.schema().database(),
                outcome.schema().currentVersion().orElse("none"));
        return 0;
    }
}
