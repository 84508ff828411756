package com.westbethel.motel.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * A command that acts on the motel: it prints through {@link OutputOptions} and asks {@link #beans} for use cases
 * when it runs, so that the Spring context starts then, never for parsing or {@code --help}.
 */
@Command
abstract class AdminCommand implements Callable<Integer> {

    @Mixin
    OutputOptions output;

    /** Set by {@link SpringBeans} when it creates the command. */
    SpringBeans beans;
}
