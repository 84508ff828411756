package com.westbethel.motel.adapters.persistence.identity;

import com.westbethel.motel.domain.identity.PasswordPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The identity area's PostgreSQL adapters and password hashing, bound to {@code motel.security.*}; the API, the worker and
 * motel-admin import this, so an account motel-admin creates is hashed and checked exactly as the API would.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
@Import({JdbcUsers.class, JdbcSessions.class, JdbcLoginAttempts.class, JdbcSecurityEvents.class, JdbcMfaEnrolments.class, JdbcOneTimeTokens.class,
    JdbcRevocationRecords.class, JdbcIdentityHousekeeping.class})
public class IdentityPersistenceConfiguration {

    @Bean
    BcryptPasswordHasher passwordHasher(IdentityProperties properties) {
        return new BcryptPasswordHasher(properties.bcryptStrength());
    }

    @Bean
    PasswordPolicy passwordPolicy(IdentityProperties properties) {
        return new PasswordPolicy(new NbvcxzPasswordStrength(properties.passwordMinimumEntropy()));
    }
}
