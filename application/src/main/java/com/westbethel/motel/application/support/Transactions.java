package com.westbethel.motel.application.support;

import java.util.function.Supplier;

/**
 * Runs a use case's storage steps as one unit (a database transaction, in production). Most use cases
 * never see this: the bootstrap runs each call in a transaction. A use case marked
 * {@link OpensItsOwnTransaction} does slow work first (hashing a password with bcrypt) and only then asks
 * for its transaction here, so that no database connection waits on the hashing.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
