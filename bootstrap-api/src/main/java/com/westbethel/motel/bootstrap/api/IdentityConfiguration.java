package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.persistence.identity.AesGcmSecretCipher;
import com.westbethel.motel.application.identity.port.in.ViewProfileUseCase;
import com.westbethel.motel.application.identity.port.in.ViewLoginHistoryUseCase;
import com.westbethel.motel.application.booking.port.out.BookingClaims;
import com.westbethel.motel.application.identity.port.in.VerifyEmailUseCase;
import com.westbethel.motel.application.identity.port.in.ClaimGuestBookingsUseCase;
import com.westbethel.motel.application.identity.port.in.RevokeTokensUseCase;
import com.westbethel.motel.application.identity.port.in.ResetPasswordUseCase;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase;
import com.westbethel.motel.application.identity.port.in.RefreshSharedTokensUseCase;
import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase;
import com.westbethel.motel.application.identity.port.in.LogOutUseCase;
import com.westbethel.motel.application.identity.port.in.LogInUseCase;
import com.westbethel.motel.application.identity.port.in.CompleteMfaLoginUseCase;
import com.westbethel.motel.application.identity.port.in.ChangePasswordUseCase;
import com.westbethel.motel.adapters.persistence.identity.CsvGeoLocator;
import com.westbethel.motel.adapters.persistence.identity.IdentityPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.identity.IdentityProperties;
import com.westbethel.motel.adapters.persistence.identity.JdbcSharedRefreshes;
import com.westbethel.motel.adapters.persistence.identity.RedisBackedRevocationList;
import com.westbethel.motel.adapters.persistence.operations.BusinessMetricsConfiguration;
import com.westbethel.motel.adapters.persistence.operations.MicrometerBusinessMetrics;
import com.westbethel.motel.adapters.persistence.support.DatabaseTransactions;
import com.westbethel.motel.adapters.persistence.support.SystemClockConfiguration;
import com.westbethel.motel.adapters.persistence.support.TransactionsConfiguration;
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
import com.westbethel.motel.application.identity.service.AuthenticateService;
import com.westbethel.motel.application.identity.service.ChangePasswordService;
import com.westbethel.motel.application.identity.service.ClaimGuestBookingsService;
import com.westbethel.motel.application.identity.service.CompleteMfaLoginService;
import com.westbethel.motel.application.identity.service.EnsureFirstAdminService;
import com.westbethel.motel.application.identity.service.IdentitySettings;
import com.westbethel.motel.application.identity.service.LogInService;
import com.westbethel.motel.application.identity.service.LogOutService;
import com.westbethel.motel.application.identity.service.LoginAlerts;
import com.westbethel.motel.application.identity.service.LoginThrottling;
import com.westbethel.motel.application.identity.service.ManageMfaService;
import com.westbethel.motel.application.identity.service.ManageSessionsService;
import com.westbethel.motel.application.identity.service.RefreshTokensService;
import com.westbethel.motel.application.identity.service.RefreshSharedTokensService;
import com.westbethel.motel.application.identity.service.RegisterGuestService;
import com.westbethel.motel.application.identity.service.ResetPasswordService;
import com.westbethel.motel.application.identity.service.RevokeTokensService;
import com.westbethel.motel.application.identity.service.SessionStarter;
import com.westbethel.motel.application.identity.service.SessionTermination;
import com.westbethel.motel.application.identity.service.VerifyEmailService;
import com.westbethel.motel.application.identity.service.ViewLoginHistoryService;
import com.westbethel.motel.application.identity.service.ViewProfileService;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the identity use cases to PostgreSQL, Redis, bcrypt, nbvcxz, jjwt and googleauth; each use case runs in a transaction. */
@Configuration(proxyBeanMethods = false)
@Import({IdentityPersistenceConfiguration.class, SystemClockConfiguration.class, TransactionsConfiguration.class,
        BusinessMetricsConfiguration.class})
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    IdentitySettings identitySettings(IdentityProperties properties) {
        return new IdentitySettings(properties.refreshTokenTtl(), properties.emailVerificationTtl(), properties.passwordResetTtl(),
                properties.requireVerifiedEmail(), properties.requireAdminMfa(), properties.requireStaffMfa(), properties.session().policy(),
                properties.accountFreeFailures());
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
    SessionTermination sessionTermination(Users users, Sessions sessions, OneTimeTokens oneTimeTokens, RedisBackedRevocationList revocations,
            AccessTokens accessTokens, Clock clock) {
        return new SessionTermination(users, sessions, oneTimeTokens, revocations, accessTokens.timeToLive(), clock);
    }

    @Bean
    LoginAlerts loginAlerts(SecurityEvents events, GeoLocator geo, NotificationEvents notifications) {
        return new LoginAlerts(events, geo, notifications);
    }

    @Bean
    LoginThrottling loginThrottling(LoginAttempts attempts, Sessions sessions, LoginAlerts alerts, IdentitySettings settings) {
        return new LoginThrottling(attempts, sessions, alerts, settings);
    }

    @Bean
    SessionStarter sessionStarter(Sessions sessions, AccessTokens accessTokens, MfaEnrolments enrolments, LoginAlerts alerts,
            IdentitySettings settings) {
        return new SessionStarter(sessions, accessTokens, enrolments, alerts, settings);
    }

    @Bean
    RegisterGuestUseCase registerGuestService(Users users, PasswordHasher hasher, PasswordPolicy policy, OneTimeTokens oneTimeTokens,
            LoginAttempts attempts, NotificationEvents events, AuditLog auditLog, IdentitySettings settings, Clock clock,
            DatabaseTransactions ownTransactions, MicrometerBusinessMetrics metrics, PlatformTransactionManager transactions) {
        return inTransactions(RegisterGuestUseCase.class,
                new RegisterGuestService(users, hasher, policy, oneTimeTokens, attempts, events, auditLog, settings, clock,
                ownTransactions, metrics), transactions);
    }

    @Bean
    VerifyEmailUseCase verifyEmailService(Users users, OneTimeTokens oneTimeTokens, NotificationEvents events, AuditLog auditLog,
            IdentitySettings settings, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(VerifyEmailUseCase.class, new VerifyEmailService(users, oneTimeTokens, events, auditLog, settings, clock), transactions);
    }

    @Bean
    ClaimGuestBookingsUseCase claimGuestBookingsService(Users users, BookingClaims bookingClaims, AuditLog auditLog, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(ClaimGuestBookingsUseCase.class, new ClaimGuestBookingsService(users, bookingClaims, auditLog, clock), transactions);
    }

    @Bean
    ViewProfileUseCase viewProfileService(Users users, PlatformTransactionManager transactions) {
        return inTransactions(ViewProfileUseCase.class, new ViewProfileService(users), transactions);
    }

    @Bean
    EnsureFirstAdminUseCase ensureFirstAdminService(Users users, PasswordHasher hasher, PasswordPolicy policy, AuditLog auditLog, Clock clock,
            DatabaseTransactions ownTransactions, PlatformTransactionManager transactions) {
        return inTransactions(EnsureFirstAdminUseCase.class,
                new EnsureFirstAdminService(users, hasher, policy, auditLog, clock, ownTransactions),
                transactions);
    }

    @Bean
    LogInUseCase logInService(Users users, PasswordHasher hasher, MfaEnrolments enrolments, OneTimeTokens oneTimeTokens,
            LoginThrottling throttling, SessionStarter sessionStarter, IdentitySettings settings, Clock clock,
            DatabaseTransactions ownTransactions, MicrometerBusinessMetrics metrics, PlatformTransactionManager transactions) {
        return inTransactions(LogInUseCase.class,
                new LogInService(users, hasher, enrolments, oneTimeTokens, throttling, sessionStarter, settings, clock,
                ownTransactions, metrics), transactions);
    }

    @Bean
    CompleteMfaLoginUseCase completeMfaLoginService(Users users, MfaEnrolments enrolments, TotpCodes totp, SecretCipher cipher,
            OneTimeTokens oneTimeTokens, LoginThrottling throttling, SessionStarter sessionStarter, Clock clock,
            MicrometerBusinessMetrics metrics, PlatformTransactionManager transactions) {
        return inTransactions(CompleteMfaLoginUseCase.class,
                new CompleteMfaLoginService(users, enrolments, totp, cipher, oneTimeTokens, throttling, sessionStarter, clock, metrics),
                transactions);
    }

    @Bean
    RefreshTokensUseCase refreshTokensService(Users users, Sessions sessions, AccessTokens accessTokens, MfaEnrolments enrolments,
            SessionTermination termination, LoginAlerts alerts, IdentitySettings settings, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(RefreshTokensUseCase.class,
                new RefreshTokensService(users, sessions, accessTokens, enrolments, termination, alerts, settings, clock),
                transactions);
    }

    /** The website's refresh (any replica may serve a visitor's requests at once): one refresh per refresh token across replicas. */
    @Bean
    RefreshSharedTokensUseCase refreshSharedTokensService(RefreshTokensUseCase refresh, JdbcClient jdbc, SecretCipher cipher, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(RefreshSharedTokensUseCase.class, new RefreshSharedTokensService(refresh, new JdbcSharedRefreshes(jdbc, cipher), clock),
                transactions);
    }

    @Bean
    LogOutUseCase logOutService(Users users, RedisBackedRevocationList revocations, SessionTermination termination, AuditLog auditLog,
            Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(LogOutUseCase.class, new LogOutService(users, revocations, termination, auditLog, clock), transactions);
    }

    @Bean
    ManageSessionsUseCase manageSessionsService(Sessions sessions, SessionTermination termination, PlatformTransactionManager transactions) {
        return inTransactions(ManageSessionsUseCase.class, new ManageSessionsService(sessions, termination), transactions);
    }

    @Bean
    RevokeTokensUseCase revokeTokensService(Users users, RedisBackedRevocationList revocations, AccessTokens accessTokens,
            SessionTermination termination, AuditLog auditLog, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(RevokeTokensUseCase.class,
                new RevokeTokensService(users, revocations, accessTokens, termination, auditLog, clock), transactions);
    }

    @Bean
    ViewLoginHistoryUseCase viewLoginHistoryService(SecurityEvents events, PlatformTransactionManager transactions) {
        return inTransactions(ViewLoginHistoryUseCase.class, new ViewLoginHistoryService(events), transactions);
    }

    @Bean
    ResetPasswordUseCase resetPasswordService(Users users, PasswordHasher hasher, PasswordPolicy policy, OneTimeTokens oneTimeTokens,
            LoginThrottling loginThrottling, SessionTermination termination, NotificationEvents events, AuditLog auditLog,
            IdentitySettings settings, Clock clock, DatabaseTransactions ownTransactions, PlatformTransactionManager transactions) {
        return inTransactions(ResetPasswordUseCase.class,
                new ResetPasswordService(users, hasher, policy, oneTimeTokens, loginThrottling, termination, events, auditLog,
                settings, clock, ownTransactions), transactions);
    }

    @Bean
    ChangePasswordUseCase changePasswordService(Users users, PasswordHasher hasher, PasswordPolicy policy, OneTimeTokens oneTimeTokens,
            LoginAttempts attempts, SessionTermination termination, NotificationEvents events, AuditLog auditLog, Clock clock,
            DatabaseTransactions ownTransactions, PlatformTransactionManager transactions) {
        return inTransactions(ChangePasswordUseCase.class,
                new ChangePasswordService(users, hasher, policy, oneTimeTokens, attempts, termination, events, auditLog, clock,
                ownTransactions), transactions);
    }

    @Bean
    ManageMfaUseCase manageMfaService(Users users, MfaEnrolments enrolments, TotpCodes totp, SecretCipher cipher, PasswordHasher hasher,
            LoginAttempts attempts, NotificationEvents events, AuditLog auditLog, Clock clock, DatabaseTransactions ownTransactions, PlatformTransactionManager transactions) {
        return inTransactions(ManageMfaUseCase.class,
                new ManageMfaService(users, enrolments, totp, cipher, hasher, attempts, events, auditLog, clock,
                ownTransactions), transactions);
    }

    @Bean
    AuthenticateService tokenAuthenticator(AccessTokens accessTokens, RedisBackedRevocationList revocations, MicrometerBusinessMetrics metrics) {
        return new AuthenticateService(accessTokens, revocations, metrics);
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
