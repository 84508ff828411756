package com.westbethel.motel.application.identity.port.in;

/** At start-up: create the first admin from configuration when the system has none. */
public interface EnsureFirstAdminUseCase {

    FirstAdminResult ensureFirstAdmin(String email, String password);

    enum FirstAdminResult { CREATED, ADMIN_ALREADY_EXISTS, EMAIL_TAKEN_BY_NON_ADMIN }
}
