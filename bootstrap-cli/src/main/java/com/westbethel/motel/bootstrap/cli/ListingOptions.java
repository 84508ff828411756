package com.westbethel.motel.bootstrap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The options of every listing that can run long: how many rows at the most, and {@code --json}. */
@Command
class ListingOptions extends JsonOption {

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;
}
