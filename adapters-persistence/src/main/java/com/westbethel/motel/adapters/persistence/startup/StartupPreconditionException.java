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

    /** The deepest cause's message, its lines joined: what an operator needs, in one line. */
    public static String rootCauseInOneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().map(String::strip).reduce((first, second) -> first + " " + second).orElse(message);
    }
}
