package com.westbethel.motel.bootstrap.api.suite;

import com.westbethel.motel.application.identity.port.out.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context the validation suite shares: every suite test extends this, so Spring's test cache starts it once.
 * Rate limits are off (the suite measures behaviour, not throttling); admins and staff must enrol in MFA, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"motel.rate-limit.enabled=false",
        "motel.security.require-admin-mfa=true", "motel.security.require-staff-mfa=true"})
@ActiveProfiles("test")
abstract class AbstractSuiteIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessTokens tokens;
}
