package com.westbethel.motel.adapters.persistence.operations;

import com.westbethel.motel.application.operations.port.out.SchemaMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.dao.DataAccessResourceFailureException;

/** The schema's migrations as Flyway sees them: those in the code and those the database recorded. */
public record FlywaySchemaMigrations(Flyway flyway) implements SchemaMigrations {

    @Override
    public String database() {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            return withoutCredentials(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot read the database's address", e);
        }
    }

    @Override
    public List<Migration> migrations() {
        return Arrays.stream(flyway.info().all()).map(FlywaySchemaMigrations::toMigration).toList();
    }

    @Override
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** Drops the {@code jdbc:} prefix and every query parameter, where a password may hide. */
    public static String withoutCredentials(String jdbcUrl) {
        String url = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring("jdbc:".length()) : jdbcUrl;
        int query = url.indexOf('?');
        url = query < 0 ? url : url.substring(0, query);
        int userInfo = url.indexOf('@');
        int scheme = url.indexOf("//");
        return userInfo > scheme && scheme >= 0 ? url.substring(0, scheme + 2) + url.substring(userInfo + 1) : url;
    }

    private static Migration toMigration(MigrationInfo info) {
        String version = info.getVersion() == null ? "repeatable" : info.getVersion().getVersion();
        return new Migration(version, info.getDescription(), toState(info.getState()),
                Optional.ofNullable(info.getInstalledOn()).map(Date::toInstant));
    }

    // The port's own MigrationState shadows Flyway's inside this class, hence the qualified name.
    private static MigrationState toState(org.flywaydb.core.api.MigrationState state) {
        if (state.isFailed()) {
            return MigrationState.FAILED;
        }
        if (!state.isResolved()) {
            return MigrationState.UNKNOWN_TO_CODE;
        }
        if (state.isApplied()) {
            return MigrationState.APPLIED;
        }
        return switch (state) {
            case PENDING, IGNORED, OUTDATED -> MigrationState.PENDING;
            default -> MigrationState.SKIPPED;
        };
    }
}
