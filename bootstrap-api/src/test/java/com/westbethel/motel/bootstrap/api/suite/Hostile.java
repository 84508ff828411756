package com.westbethel.motel.bootstrap.api.suite;

import java.util.List;
import java.util.Locale;

/** Hostile input and the signs of a server that let it through. */
final class Hostile {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    /** SQL injection, script injection and unicode tricks (right-to-left override, zero-width, homoglyphs, overlong-looking bytes). */
    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE bookings;--",
            "1; SELECT pg_sleep(0)--",
            "\" OR \"\"=\"",
            "admin'--",
            SCRIPT,
            IMG,
            "javascript:alert(1)",
            "{{7*7}}${7*7}[[${7*7}]]",
            "\u202Egnp.exe",
            "a\u200Bb\uFEFFc",
            "\uD83D\uDE00\uD83C\uDFE8",
            "ＡＤＭＩＮ＇ ＯＲ ＇１＇＝＇１",
            "\u00C0\u00AE\u00C0\u00AE/etc/passwd",
            "../../../../etc/passwd",
            "%27%20OR%201%3D1--",
            "\\u0000\\x00");

    /** What an error body must never show: a stack trace, a class name of the server's insides, SQL. */
    private static final List<String> LEAKS = List.of("\tat ", "exception", "org.springframework", "java.lang", "java.util", "tools.jackson",
            "com.fasterxml", "org.postgresql", "psql", "sqlstate", "syntax error at", "select ", "insert into", "update ", "delete from",
            "hikari", "jdbc", "tomcat", "apache");

    private Hostile() {
    }

    /** The leak an error body shows, or null. Hostile input the body merely quotes back (as JSON text) is not a leak. */
    static String leakIn(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String payload : PAYLOADS) {
            lower = lower.replace(payload.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("\"", "\\\""), "")
                    .replace(payload.toLowerCase(Locale.ROOT), "");
        }
        return LEAKS.stream().filter(lower::contains).findFirst().orElse(null);
    }
}
