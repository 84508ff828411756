package com.westbethel.motel.domain.identity;

/** What a user may do: guests book, staff run the front desk, admins run the system. */
public enum Role {
    GUEST,
    STAFF,
    ADMIN
}
