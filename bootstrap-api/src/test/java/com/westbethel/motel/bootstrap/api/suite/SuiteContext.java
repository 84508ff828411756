package com.westbethel.motel.bootstrap.api.suite;

/** The one Spring context the validation suite shares (the same properties, so Spring's test cache starts it once). */
final class SuiteContext {

    /** Rate limits off: the suite measures behaviour, not throttling. Admins (and staff) must enrol in MFA, as in production. */
    static final String PROPERTIES = "motel.rate-limit.enabled=false\nmotel.security.require-admin-mfa=true\nmotel.security.require-staff-mfa=true";

    private SuiteContext() {
    }
}
