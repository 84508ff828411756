package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.adapters.persistence.audit.AuditChainKey;
import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import com.westbethel.motel.application.audit.port.out.AuditLog.BrokenLink;
import com.westbethel.motel.application.audit.port.out.AuditLog.Unlinked;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "The hash-chained audit log.", mixinStandardHelpOptions = true, subcommands = AuditCommand.Verify.class)
class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walks the audit log's hash chain and reports the first broken link: the entry and what differs. Exit 1 when broken.",
                "Entries are keyed with MOTEL_AUDIT_HMACKEY (motel.audit.hmac-key), which must be the key the API and the worker use; "
                        + "entries written before the chain was keyed (chain version 1) are checked with their plain SHA-256 hash.",
                "Entries are linked into the chain right after their commit (or by the worker); entries committed longer ago than "
                        + "--unlinked-grace and still unlinked are reported too (exit 1): linking has stalled.",
                "Each entry carries a MAC of its own, made with the key when it was written: a row inserted by someone without the key "
                        + "is never linked, and is reported as BROKEN, a forgery, by its id (exit 1)."},
            footer = {"", "Example:", "  MOTEL_AUDIT_HMACKEY=... motel-admin audit verify || alert-the-owner"})
    static class Verify extends AdminCommand {

        @Mixin
        JsonOption format;

        @Option(names = "--unlinked-grace", converter = DurationConverter.class, paramLabel = "DURATION", defaultValue = "5m",
                description = "How long a committed entry may wait to be linked before it is a problem (default: ${DEFAULT-VALUE}).")
        Duration unlinkedGrace;

        @Override
        public Integer call() {
            boolean keyConfigured = !beans.get(AuditChainKey.class).isDevelopment();
            if (!keyConfigured) {
                output.err().println("motel-admin: no audit key is configured (" + AuditChainKey.VARIABLE + "): checking with the public development "
                        + "key, so entries the API or the worker chained with a real key will not verify. Set " + AuditChainKey.VARIABLE
                        + " to their key.");
            }
            QueryAuditLogUseCase audit = beans.get(QueryAuditLogUseCase.class);
            Optional<BrokenLink> broken = audit.verify();
            Optional<Unlinked> unlinked = audit.unlinkedLongerThan(unlinkedGrace);
            long unkeyed = audit.unkeyedEntries();
            if (format.json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("intact", broken.isEmpty());
                result.put("keyConfigured", keyConfigured);
                result.put("unkeyedEntries", unkeyed);
                result.put("unlinkedEntries", unlinked.map(Unlinked::entries).orElse(0L));
                unlinked.ifPresent(late -> result.put("oldestUnlinkedEntryId", late.oldestEntryId()));
                broken.ifPresent(link -> {
                    result.put("entryId", link.entryId());
                    result.put("problem", link.problem());
                });
                output.json(result);
            } else {
                if (broken.isEmpty()) {
                    output.out().println("The audit log is intact: every entry's hash matches its content and its predecessor"
                            + (keyConfigured ? ", keyed with the configured key." : " (checked with the development key)."));
                } else {
                    output.out().println("The audit log is BROKEN at entry " + broken.get().entryId() + ": " + broken.get().problem());
                }
                unlinked.ifPresent(late -> output.out().println("UNLINKED: " + late.entries() + " committed entries (the oldest is entry "
                        + late.oldestEntryId() + ") have waited longer than " + unlinkedGrace + " to be linked into the chain: the worker's "
                        + "audit linking job is not running or is failing (see its log)."));
                // Unkeyed entries are the ones written before the chain was keyed: a number that must never grow.
                output.out().println(unkeyed == 0 ? "Every entry is keyed."
                        : unkeyed + " entries predate the keyed chain and were checked with their plain hash only; this number never grows "
                                + "(compare it with the one noted at the upgrade).");
            }
            return broken.isEmpty() && unlinked.isEmpty() ? 0 : MotelAdmin.FAILURE;
        }
    }
}
