package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.adapters.persistence.cache.SharedCacheAdmin;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "cache",
        description = "The two-level cache of the inventory and availability: Redis, shared by the replicas, and each replica's own memory.",
        mixinStandardHelpOptions = true,
        subcommands = {CacheCommand.Evict.class, CacheCommand.Stats.class})
class CacheCommand {

    @Command(name = "evict", mixinStandardHelpOptions = true,
            description = "Empties one cache, or every cache, in Redis and in the memory of every running API and worker replica. "
                    + "Nothing is lost: the next reads load from PostgreSQL.",
            footer = {"", "Caches: availability, room-types, rate-plans, promotions, properties.", "", "Examples:", "  motel-admin cache evict",
                "  motel-admin cache evict availability"})
    static class Evict extends AdminCommand {

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "The cache to empty; all of them when left out.")
        String name;

        @Override
        public Integer call() {
            if (name != null && !SharedCacheAdmin.names().contains(name)) {
                output.err().println("motel-admin: no cache is named '" + name + "'; the caches: " + String.join(", ", SharedCacheAdmin.names()));
                return 2;
            }
            List<String> evicted = beans.get(SharedCacheAdmin.class).evict(Optional.ofNullable(name));
            output.out().println("Evicted " + String.join(", ", evicted) + " in Redis and told every replica.");
            return 0;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Per cache, the keys in Redis; and for each running replica, its own memory's hits, Redis hits, loads from "
                    + "PostgreSQL and size (replicas report every few seconds).",
            footer = {"", "Example:", "  motel-admin cache stats --json"})
    static class Stats extends AdminCommand {

        @Mixin
        JsonOption format;

        @Override
        public Integer call() {
            List<SharedCacheAdmin.Stats> stats = beans.get(SharedCacheAdmin.class).stats();
            output.list(format, stats, List.of("CACHE", "L2 KEYS", "REPLICA", "L1 HITS", "L2 HITS", "MISSES", "L1 SIZE"),
                    line -> List.of(line.cache(), String.valueOf(line.l2Keys()), line.replica().isEmpty() ? "-" : line.replica(),
                            String.valueOf(line.l1Hits()), String.valueOf(line.l2Hits()), String.valueOf(line.misses()), String.valueOf(line.l1Size())));
            return 0;
        }
    }
}
