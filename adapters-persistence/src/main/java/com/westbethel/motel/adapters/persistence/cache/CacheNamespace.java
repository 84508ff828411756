package com.westbethel.motel.adapters.persistence.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which database the cached values come from, as part of every key: processes on one database share their cache
 * whatever URL they reach it by, while processes on another database (a test run, a second deployment) sharing the
 * same Redis never read its entries, such as the default property. The database is known by its name and its object id,
 * which no restart changes and a database dropped and created again does.
 */
public final class CacheNamespace {

    private CacheNamespace() {
    }

    /** {@code prefix:<8 hex digits naming the database>} */
    public static String of(String prefix, JdbcClient jdbc) {
        String database = jdbc.sql("SELECT datname || ':' || oid FROM pg_database WHERE datname = current_database()").query(String.class).single();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return prefix + ":" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
