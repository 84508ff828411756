package com.westbethel.motel.adapters.web.edge;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * The one list of failures that mean "the database is away or too slow right now" (no connection within the pool's wait,
 * a read timeout, a restart), which every request answers with 503 and {@code Retry-After} rather than a 500: in a
 * controller ({@code ApiProblemHandler}), on a page ({@code PageErrorResolver}) or in a filter before either, the
 * revocation check falling back to PostgreSQL while Redis is down, say ({@code ProblemErrorController}).
 */
public final class DatabaseUnavailable {

    /** The Retry-After header's seconds: long enough for a restarted database or a failover to take connections again. */
    public static final String RETRY_AFTER_SECONDS = "5";
    public static final String DETAIL = "The service is briefly unavailable. Please try again in a few seconds.";

    private DatabaseUnavailable() {
    }

    /** True when {@code failure}, or anything that caused it, is the database being unavailable. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof QueryTimeoutException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionTimedOutException || cause instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }
}
