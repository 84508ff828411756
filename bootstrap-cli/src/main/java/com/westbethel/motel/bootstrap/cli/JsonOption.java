package com.westbethel.motel.bootstrap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code --json} switch of every listing command. */
@Command
class JsonOption {

    @Option(names = "--json", description = "Print JSON (for scripts) instead of a table.")
    boolean json;
}
