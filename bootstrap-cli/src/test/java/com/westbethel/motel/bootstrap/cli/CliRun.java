package com.westbethel.motel.bootstrap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of motel-admin with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Map<String, Object> settings, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = MotelAdmin.run(settings, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return of(Map.of(), args);
    }
}
