package com.westbethel.motel.adapters.persistence.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed start-up precondition into Spring Boot's short "APPLICATION FAILED TO START" report. */
class StartupPreconditionFailureAnalyzer extends AbstractFailureAnalyzer<StartupPreconditionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupPreconditionException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
