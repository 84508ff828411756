package com.westbethel.motel.bootstrap.cli;

import picocli.CommandLine.Command;

@Command(name = "db",
        description = "The PostgreSQL database: schema state.",
        mixinStandardHelpOptions = true,
        subcommands = DbInfoCommand.class)
class DbCommand {
}
