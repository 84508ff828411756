package com.westbethel.motel.adapters.persistence.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which database the cached values come from, as part of every key: processes on one database share their cache
 * whatever URL they reach it by, while processes on another database (a test run, a second deployment) sharing the
 * same Redis never read its entries, such as the default property. The database is known by its cluster's system
 * identifier (random, chosen when the cluster was created), its name and its object id: the object id alone repeats
 * across fresh clusters (the first database of two new containers gets the same one), the identifier does not. Where
 * the role may not read the identifier, the cluster's name and address stand in for it; an operator who wants to be sure
 * sets {@code motel.cache.namespace} to a name of the deployment's own, used as it is.
 */
public final class CacheNamespace {

    private CacheNamespace() {
    }

    /** {@code prefix:<8 hex digits naming the database>} */
    public static String of(String prefix, JdbcClient jdbc) {
        return of(prefix, "", jdbc);
    }

    /** {@code prefix:<namespace>} when the operator set one, else {@code prefix:<8 hex digits naming the database>} */
    public static String of(String prefix, String namespace, JdbcClient jdbc) {
        if (!namespace.isBlank()) {
            return prefix + ":" + namespace;
        }
        String database = cluster(jdbc) + ":" + jdbc.sql("SELECT datname || ':' || oid FROM pg_database WHERE datname = current_database()")
                .query(String.class).single();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return prefix + ":" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String cluster(JdbcClient jdbc) {
        try {
            return jdbc.sql("SELECT system_identifier::text FROM pg_control_system()").query(String.class).single();
        } catch (DataAccessException notAllowed) {
            return jdbc.sql("SELECT current_setting('cluster_name') || '@' || coalesce(host(inet_server_addr()), 'socket') || ':' || current_setting('port')")
                    .query(String.class).single();
        }
    }
}
