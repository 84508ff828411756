package com.westbethel.motel.domain.dashboard;

import java.util.Objects;
import java.util.UUID;

/**
 * One running API process: a random id per start (so a restart, whose counters start again at zero, is a new replica and
 * never a negative rate), and a name for people (the host name).
 */
public record Replica(UUID id, String name) {

    public Replica {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    public static Replica started(String name) {
        return new Replica(UUID.randomUUID(), name.length() > 100 ? name.substring(0, 100) : name);
    }
}
