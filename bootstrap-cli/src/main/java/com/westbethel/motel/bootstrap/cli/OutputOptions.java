package com.westbethel.motel.bootstrap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Picocli mixin for commands that print: JSON for scripts (one document on standard output, for the
 * listings that offer {@link JsonOption}), aligned columns for people; and progress on standard error
 * only when a person is watching (a terminal), never in a pipe.
 */
@Command
class OutputOptions {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void json(Object value) {
        out().println(JSON.writeValueAsString(value));
    }

    /** A listing: the items as one JSON document with {@code --json}, else a table of one row per item. */
    <T> void list(JsonOption format, List<T> items, List<String> header, Function<? super T, List<String>> row) {
        if (format.json) {
            json(items);
        } else {
            table(header, items.stream().<List<String>>map(row).toList());
        }
    }

    /**
     * Columns padded to their widest cell; the header first. Control characters in a cell (a guest's
     * browser name, say) are shown as {@code ?}, so no one can send escape sequences to an admin's terminal.
     */
    void table(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        rows.forEach(row -> all.add(row.stream().map(cell -> cell.replaceAll("\\p{Cc}", "?")).toList()));
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out().println(line.toString().stripTrailing());
        }
        if (rows.isEmpty()) {
            out().println("(none)");
        }
    }

    /** Steps of a long operation, shown on a terminal and silent in a pipe or a script. */
    Consumer<String> progress() {
        boolean terminal = System.console() != null;
        return step -> {
            if (terminal) {
                err().println("... " + step);
            }
        };
    }
}
