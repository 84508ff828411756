package com.westbethel.motel.bootstrap.cli;

import picocli.CommandLine.Command;

@Command(name = "db",
        description = "The PostgreSQL database: schema state and migrations.",
        mixinStandardHelpOptions = true,
        subcommands = {DbInfoCommand.class, DbMigrateCommand.class})
class DbCommand {
}
