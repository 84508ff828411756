package com.westbethel.motel.application.identity.port.out;

/** One-way password hashing with a slow, salted algorithm. */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
