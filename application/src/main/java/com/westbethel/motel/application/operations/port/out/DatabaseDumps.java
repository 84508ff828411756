package com.westbethel.motel.application.operations.port.out;

import java.util.List;

/**
 * PostgreSQL's own dump and restore tools, run against the configured server. A dump is named by its file's location,
 * as a {@link BackupStore} hands it out.
 */
public interface DatabaseDumps {

    /** The configured database's name. */
    String database();

    /** A dump of the configured database in the custom format. */
    void dump(String file);

    /** The dump's table of contents; fails when the file is not a readable dump. */
    List<String> contents(String file);

    TargetState state(String database);

    void create(String database);

    /** Drops everything the database holds (its public schema), for a forced restore. */
    void empty(String database);

    /** Restores in one transaction: the database ends up with all of the dump or none of it. */
    void restore(String file, String database);

    enum TargetState { ABSENT, EMPTY, NOT_EMPTY }
}
