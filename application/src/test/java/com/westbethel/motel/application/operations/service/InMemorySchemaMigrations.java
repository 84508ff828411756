package com.westbethel.motel.application.operations.service;

import com.westbethel.motel.application.operations.port.out.SchemaMigrations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Migrations as a migration tool would list them, in version order; migrating applies the pending ones. */
final class InMemorySchemaMigrations implements SchemaMigrations {

    static final Optional<Instant> INSTALLED = Optional.of(Instant.parse("2027-01-01T00:00:00Z"));

    private final List<Migration> migrations;

    InMemorySchemaMigrations(List<Migration> migrations) {
        this.migrations = new ArrayList<>(migrations);
    }

    static Migration applied(String version, String description) {
        return new Migration(version, description, MigrationState.APPLIED, INSTALLED);
    }

    static Migration pending(String version, String description) {
        return new Migration(version, description, MigrationState.PENDING, Optional.empty());
    }

    @Override
    public String database() {
        return "postgresql://db.example:5432/motel";
    }

    @Override
    public List<Migration> migrations() {
        return List.copyOf(migrations);
    }

    @Override
    public int migrate() {
        int applied = 0;
        for (int i = 0; i < migrations.size(); i++) {
            Migration migration = migrations.get(i);
            if (migration.state() == MigrationState.PENDING) {
                migrations.set(i, applied(migration.version(), migration.description()));
                applied++;
            }
        }
        return applied;
    }
}
