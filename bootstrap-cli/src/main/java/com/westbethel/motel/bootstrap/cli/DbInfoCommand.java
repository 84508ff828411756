package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.application.operations.port.in.InspectDatabaseSchemaUseCase;
import com.westbethel.motel.application.operations.port.in.SchemaReport;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.Migration;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.MigrationState;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;

@Command(name = "info",
        description = "Shows which database motel-admin talks to, its schema version and every migration's state.",
        mixinStandardHelpOptions = true,
        footer = {"", "Example:", "  SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/motel motel-admin db info"})
class DbInfoCommand extends AdminCommand {

    private static final DateTimeFormatter INSTALLED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Override
    public Integer call() {
        SchemaReport report = beans.get(InspectDatabaseSchemaUseCase.class).inspectDatabaseSchema();
        PrintWriter out = output.out();
        out.printf("Database:        %s%n", report.database());
        out.printf("Schema version:  %s (%s)%n", report.currentVersion().orElse("none"), summary(report));
        out.println();
        out.printf("%-10s %-16s %-21s %s%n", "VERSION", "STATE", "INSTALLED ON", "DESCRIPTION");
        for (Migration migration : report.migrations()) {
            out.printf("%-10s %-16s %-21s %s%n", migration.version(), migration.state(),
                    migration.installedOn().map(INSTALLED::format).orElse("-"), migration.description());
        }
        return 0;
    }

    private static String summary(SchemaReport report) {
        if (report.upToDate()) {
            return "up to date";
        }
        long failed = report.count(MigrationState.FAILED);
        long unknown = report.count(MigrationState.UNKNOWN_TO_CODE);
        long pending = report.count(MigrationState.PENDING);
        if (failed > 0) {
            return failed + " failed: repair before migrating";
        }
        if (unknown > 0) {
            return unknown + " applied by a newer release";
        }
        return pending + " pending";
    }
}
