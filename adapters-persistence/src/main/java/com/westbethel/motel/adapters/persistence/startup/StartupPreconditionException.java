package com.westbethel.motel.adapters.persistence.startup;

/**
 * Something the process needs before it can start is missing. The message names what is missing
 * and the action says how to supply it, each in one line, so an operator reads a sentence rather
 * than a stack trace.
 */
public class StartupPreconditionException extends RuntimeException {

    private final String action;

    public StartupPreconditionException(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }

    /** Problem and action in a single line, for tools that print one line and exit. */
    public String oneLine() {
        return getMessage() + " " + action;
    }
}
