package com.westbethel.motel.domain.audit;

import com.westbethel.motel.domain.shared.Sha256;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain: each entry's hash covers the previous entry's hash and every field of the entry in a
 * canonical text form, so editing, removing or reordering any entry breaks every later link.
 */
public final class AuditChain {

    /** The "previous hash" of the very first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final String ENTRY_MARKER = "entry";

    private AuditChain() {
    }

    /** The unkeyed hash of the first chain (version 1): anyone who can write the table can recompute it. */
    public static String hash(String previousHash, AuditEntry entry) {
        return Sha256.hex(text(previousHash, entry));
    }

    /**
     * What each link's hash covers: the previous link and every field of the entry. Since version 2 of the chain it is
     * keyed (an HMAC with a key held outside the database), so that nobody with only the database can recompute it.
     */
    public static String text(String previousHash, AuditEntry entry) {
        return String.join("\n", previousHash, entry.occurredAt().toString(), entry.actor(), entry.action(), entry.entityType(),
                entry.entityId(), canonical(entry.before()), canonical(entry.after()));
    }

    /**
     * What an entry's own MAC covers (chain version 3): every field of the entry, under a marker where a link's text has the
     * previous hash. It is computed when the entry is written, before it has a place in the chain, so that the linker can tell
     * an entry the application wrote from a row someone inserted with only the database; the marker, which no 64-digit hash
     * can equal, keeps an entry's MAC from ever passing for a link.
     */
    public static String entryText(AuditEntry entry) {
        return text(ENTRY_MARKER, entry);
    }

    /** Sorted keys, each key and value length-prefixed, so no value can imitate a separator. */
    public static String canonical(Map<String, String> snapshot) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(snapshot).forEach((key, value) -> text.append(key.length()).append(':').append(key).append('=')
                .append(value.length()).append(':').append(value).append(';'));
        return text.toString();
    }
}
