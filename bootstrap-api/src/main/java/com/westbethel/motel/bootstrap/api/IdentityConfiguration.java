package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.persistence.identity.AesGcmSecretCipher;
import com.westbethel.motel.adapters.persistence.identity.BcryptPasswordHasher;
import com.westbethel.motel.adapters.persistence.identity.CsvGeoLocator;
import com.westbethel.motel.adapters.persistence.identity.JdbcLoginAttempts;
import com.westbethel.motel.adapters.persistence.identity.JdbcMfaEnrolments;
import com.westbethel.motel.adapters.persistence.identity.JdbcOneTimeTokens;
import com.westbethel.motel.adapters.persistence.identity.JdbcSecurityEvents;
import com.westbethel.motel.adapters.persistence.identity.JdbcSessions;
import com.westbethel.motel.adapters.persistence.identity.JdbcUsers;
import com.westbethel.motel.adapters.persistence.identity.NbvcxzPasswordStrength;
import com.westbethel.motel.adapters.persistence.identity.RedisBackedRevocationList;
import com.westbethel.motel.adapters.persistence.support.DatabaseTransactions;
import com.westbethel.motel.adapters.web.security.GoogleAuthTotpCodes;
import com.westbethel.motel.adapters.web.security.JjwtAccessTokens;
import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.EnsureFirstAdminUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.GeoLocator;
import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.TotpCodes;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.identity.service.AccountService;
import com.westbethel.motel.application.identity.service.IdentitySettings;
import com.westbethel.motel.application.identity.service.LoginService;
import com.westbethel.motel.application.identity.service.ManageMfaService;
import com.westbethel.motel.application.identity.service.PasswordService;
import com.westbethel.motel.application.identity.service.SessionService;
import com.westbethel.motel.application.identity.service.AuthenticateService;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.domain.identity.PasswordPolicy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the identity use cases to PostgreSQL, Redis, bcrypt, nbvcxz, jjwt and googleauth; each use case runs in a transaction. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdentitySettings identitySettings(IdentityProperties properties) {
        return new IdentitySettings(properties.refreshTokenTtl(), properties.emailVerificationTtl(), properties.passwordResetTtl(),
                properties.requireVerifiedEmail(), properties.requireAdminMfa(), properties.requireStaffMfa(), properties.session().policy(),
                properties.accountFreeFailures());
    }

    @Bean
    JdbcUsers users(JdbcClient jdbc) {
        return new JdbcUsers(jdbc);
    }

    @Bean
    JdbcSessions sessions(JdbcClient jdbc) {
        return new JdbcSessions(jdbc);
    }

    @Bean
    JdbcLoginAttempts loginAttempts(JdbcClient jdbc) {
        return new JdbcLoginAttempts(jdbc);
    }

    @Bean
    JdbcSecurityEvents securityEvents(JdbcClient jdbc) {
        return new JdbcSecurityEvents(jdbc);
    }

    @Bean
    JdbcMfaEnrolments mfaEnrolments(JdbcClient jdbc) {
        return new JdbcMfaEnrolments(jdbc);
    }

    @Bean
    GoogleAuthTotpCodes totpCodes() {
        return new GoogleAuthTotpCodes("West Bethel Motel");
    }

    /** The MFA key's bytes: TOTP secrets are encrypted with it, the outbox's sealed values with a key derived from it. */
    record MfaEncryptionKey(byte[] bytes) {
    }

    @Bean
    MfaEncryptionKey mfaEncryptionKey(IdentityProperties properties) {
        return new MfaEncryptionKey(keyOrRandom(properties.mfaEncryptionKey(), "motel.security.mfa-encryption-key",
                "MOTEL_SECURITY_MFAENCRYPTIONKEY", "MFA secrets and sealed reset links saved now become unreadable after a restart"));
    }

    @Bean
    AesGcmSecretCipher secretCipher(MfaEncryptionKey key) {
        return new AesGcmSecretCipher(key.bytes());
    }

    /** Impossible-travel detection needs an operator's GeoIP file; without one it is off. */
    @Bean
    CsvGeoLocator geoLocator(@Value("${motel.security.geoip-csv:}") String csv) {
        if (csv.isBlank()) {
            return CsvGeoLocator.none();
        }
        CsvGeoLocator locator = CsvGeoLocator.load(Path.of(csv));
        log.info("GeoIP table {} loaded: {} networks; impossible-travel alerts are on", csv, locator.size());
        return locator;
    }

    @Bean
    ManageMfaService mfaService(Users users, MfaEnrolments enrolments, TotpCodes totp, SecretCipher cipher, PasswordHasher hasher,
            LoginAttempts attempts, NotificationEvents events, AuditLog auditLog, IdentitySettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(new ManageMfaService(users, enrolments, totp, cipher, hasher, attempts, events, auditLog, settings, clock,
                new DatabaseTransactions(transactions)), transactions);
    }

    @Bean
    JdbcOneTimeTokens oneTimeTokens(JdbcClient jdbc) {
        return new JdbcOneTimeTokens(jdbc);
    }

    @Bean
    BcryptPasswordHasher passwordHasher(IdentityProperties properties) {
        return new BcryptPasswordHasher(properties.bcryptStrength());
    }

    @Bean
    PasswordPolicy passwordPolicy(IdentityProperties properties) {
        return new PasswordPolicy(new NbvcxzPasswordStrength(properties.passwordMinimumEntropy()));
    }

    @Bean
    JjwtAccessTokens accessTokens(IdentityProperties properties, Clock clock) {
        IdentityProperties.Jwt jwt = properties.jwt();
        Map<String, JjwtAccessTokens.RetiredKey> retired = new LinkedHashMap<>();
        jwt.retiredKeys(clock.instant()).forEach((id, key) -> {
            retired.put(id, new JjwtAccessTokens.RetiredKey(Base64.getDecoder().decode(key.key()), key.retiredUntil()));
            log.info("Access tokens signed with the retired key {} are accepted until {}", id, key.retiredUntil());
        });
        byte[] signingKey = keyOrRandom(jwt.signingKey(), "motel.security.jwt.signing-key", "MOTEL_SECURITY_JWT_SIGNINGKEY",
                "tokens die with this process and other replicas refuse them");
        return new JjwtAccessTokens(jwt.issuer(), jwt.accessTokenTtl(), jwt.signingKeyId(), signingKey, retired, jwt.clockSkew(), clock);
    }

    /** A configured base64 key, or (development only: production requires one) a random key with a warning. */
    static byte[] keyOrRandom(String configured, String property, String variable, String consequence) {
        if (!configured.isBlank()) {
            return Base64.getDecoder().decode(configured);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        log.warn("No {} configured: using a random key, so {}. Set {} in production.", property, consequence, variable);
        return random;
    }

    @Bean
    RedisBackedRevocationList revocationList(JdbcClient jdbc, StringRedisTemplate redis, AccessTokens accessTokens, Clock clock) {
        return new RedisBackedRevocationList(jdbc, redis, accessTokens.timeToLive(), clock);
    }

    @Bean
    AccountService accountService(Users users, PasswordHasher hasher, PasswordPolicy policy, OneTimeTokens oneTimeTokens,
            LoginAttempts attempts, NotificationEvents events, AuditLog auditLog, IdentitySettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(new AccountService(users, hasher, policy, oneTimeTokens, attempts, events, auditLog, settings, clock,
                new DatabaseTransactions(transactions)), transactions);
    }

    @Bean
    LoginService loginService(Users users, PasswordHasher hasher, AccessTokens accessTokens, Sessions sessions,
            RedisBackedRevocationList revocations, LoginAttempts attempts, SecurityEvents events, MfaEnrolments enrolments,
            TotpCodes totp, SecretCipher cipher, OneTimeTokens oneTimeTokens, GeoLocator geo, NotificationEvents notifications,
            IdentitySettings settings, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(new LoginService(users, hasher, accessTokens, sessions, revocations, attempts, events, enrolments, totp,
                cipher, oneTimeTokens, geo, notifications, settings, clock, new DatabaseTransactions(transactions)), transactions);
    }

    @Bean
    SessionService sessionService(Users users, Sessions sessions, OneTimeTokens oneTimeTokens, RedisBackedRevocationList revocations,
            AccessTokens accessTokens, SecurityEvents events, AuditLog auditLog, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(new SessionService(users, sessions, oneTimeTokens, revocations, accessTokens, events, auditLog, clock), transactions);
    }

    @Bean
    PasswordService passwordService(Users users, PasswordHasher hasher, PasswordPolicy policy, OneTimeTokens oneTimeTokens,
            Sessions sessions, LoginAttempts attempts, RedisBackedRevocationList revocations, AccessTokens accessTokens,
            NotificationEvents events, AuditLog auditLog, IdentitySettings settings, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(new PasswordService(users, hasher, policy, oneTimeTokens, sessions, attempts, revocations, accessTokens, events,
                auditLog, settings, clock, new DatabaseTransactions(transactions)), transactions);
    }

    @Bean
    AuthenticateService tokenAuthenticator(AccessTokens accessTokens, RedisBackedRevocationList revocations) {
        return new AuthenticateService(accessTokens, revocations);
    }

    /** Copies the revocation list into Redis at start, so that a restarted Redis answers from its first request. */
    @Bean
    ApplicationRunner revocationListWarmUp(RedisBackedRevocationList revocations) {
        return arguments -> {
            try {
                revocations.reload();
            } catch (RuntimeException e) {
                log.warn("Revocation list not copied to Redis at start ({}); checks use PostgreSQL until it is.", e.getMessage());
            }
        };
    }

    /** MOTEL_ADMIN_EMAIL and MOTEL_ADMIN_PASSWORD create the first admin when the system has none. */
    @Bean
    ApplicationRunner firstAdmin(EnsureFirstAdminUseCase ensureFirstAdmin, @Value("${motel.admin.email:}") String email,
            @Value("${motel.admin.password:}") String password) {
        return arguments -> {
            if (email.isBlank() || password.isBlank()) {
                return;
            }
            switch (ensureFirstAdmin.ensureFirstAdmin(email, password)) {
                case CREATED -> log.info("Created the first admin, {}", email);
                case EMAIL_TAKEN_BY_NON_ADMIN -> log.warn("MOTEL_ADMIN_EMAIL {} belongs to an account that is not an admin; no admin created", email);
                case ADMIN_ALREADY_EXISTS -> log.debug("An admin exists; MOTEL_ADMIN_EMAIL ignored");
            }
        };
    }
}
