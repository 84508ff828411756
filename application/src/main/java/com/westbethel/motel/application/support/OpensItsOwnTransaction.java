package com.westbethel.motel.application.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case method that must not run inside one transaction from start to end: it does slow work
 * first (hashing a password takes about a quarter of a second at bcrypt cost 12, and a pool of ten
 * connections held that long lets a few dozen parallel sign-ups starve every other request) and then runs
 * its storage steps through {@link Transactions}. The bootstrap's transactional decorator leaves it alone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OpensItsOwnTransaction {
}
