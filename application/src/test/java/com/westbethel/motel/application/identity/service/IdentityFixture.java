package com.westbethel.motel.application.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.in.LogInUseCase.LogInCommand;
import com.westbethel.motel.application.identity.port.in.LogInUseCase.LoginResult;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.ConfirmResult;
import com.westbethel.motel.application.identity.port.in.ManageMfaUseCase.SetupResult;
import com.westbethel.motel.application.identity.port.in.RegisterGuestUseCase.RegisterGuestCommand;
import com.westbethel.motel.application.identity.port.in.TokenPair;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.GeoLocator;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.FakeAccessTokens;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.FakeTotp;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.InMemoryBookingClaims;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.InMemoryOneTimeTokens;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.InMemoryRevocationList;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.InMemorySessions;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.InMemoryUsers;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.PlainTextHasher;
import com.westbethel.motel.application.identity.service.InMemoryIdentity.RecordingNotifications;
import com.westbethel.motel.application.support.MutableClock;
import com.westbethel.motel.application.support.RecordingAuditLog;
import com.westbethel.motel.application.support.RecordingBusinessMetrics;
import com.westbethel.motel.application.support.RecordingTransactions;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.GeoPoint;
import com.westbethel.motel.domain.identity.PasswordPolicy;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The identity services wired to in-memory fakes, plus the few steps most tests start from. */
final class IdentityFixture {

    static final Instant START = Instant.parse("2027-06-01T12:00:00Z");
    static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    static final String EMAIL = "anna@example.com";
    static final String BOB = "bob@example.com";
    static final String PASSWORD = "correct horse battery staple";
    static final String NEW_PASSWORD = "violet kayak under moonlight";
    /** Long enough, but the fake estimator finds it guessable. */
    static final String WEAK_PASSWORD = "my password is long";

    static final Device LAPTOP = Device.of("203.0.113.7", "Firefox on Linux");
    static final Device PHONE = Device.of("198.51.100.24", "Safari on iPhone");

    final MutableClock clock = new MutableClock(START);
    final InMemoryUsers users = new InMemoryUsers();
    final RecordingTransactions transactions = new RecordingTransactions();
    final PlainTextHasher hasher = new PlainTextHasher(transactions);
    final PasswordPolicy policy = new PasswordPolicy(InMemoryIdentity.ESTIMATOR);
    final FakeAccessTokens accessTokens = new FakeAccessTokens(clock, ACCESS_TOKEN_TTL);
    final InMemorySessions sessions;
    final InMemoryRevocationList revocations = new InMemoryRevocationList(clock, users);
    final InMemoryOneTimeTokens oneTimeTokens = new InMemoryOneTimeTokens();
    final RecordingNotifications outbox = new RecordingNotifications();
    final InMemoryBookingClaims bookingClaims = new InMemoryBookingClaims();
    final InMemoryIdentity.InMemoryLoginAttempts attempts = new InMemoryIdentity.InMemoryLoginAttempts();
    final InMemoryIdentity.InMemorySecurityEvents events = new InMemoryIdentity.InMemorySecurityEvents();
    final InMemoryIdentity.InMemoryMfaEnrolments enrolments = new InMemoryIdentity.InMemoryMfaEnrolments();
    final InMemoryIdentity.FakeTotp totp = new InMemoryIdentity.FakeTotp();
    final InMemoryIdentity.MarkingCipher cipher = new InMemoryIdentity.MarkingCipher();
    /** The audit log, a fake of the append-only table. */
    final RecordingAuditLog auditLog = new RecordingAuditLog();
    final RecordingBusinessMetrics metrics = new RecordingBusinessMetrics();
    /** Its entries, in order. */
    final List<AuditEntry> audited = auditLog.entries();
    /** Knows the addresses a test places; none by default, as in production without a GeoIP file. */
    final Map<String, GeoPoint> places = new HashMap<>();
    final GeoLocator geo = address -> Optional.ofNullable(places.get(address));
    final IdentitySettings settings;

    final LoginAlerts loginAlerts;
    final LoginThrottling loginThrottling;
    final SessionStarter sessionStarter;
    final SessionTermination termination;

    final RegisterGuestService registrations;
    final VerifyEmailService verifications;
    final ClaimGuestBookingsService bookingClaimsByOwners;
    final ViewProfileService profiles;
    final EnsureFirstAdminService firstAdmin;
    final LogInService logins;
    final CompleteMfaLoginService mfaLogins;
    final RefreshTokensService refreshes;
    final LogOutService logouts;
    final ManageSessionsService ownSessions;
    final RevokeTokensService adminRevocations;
    final ViewLoginHistoryService loginHistory;
    final ResetPasswordService passwordResets;
    final ChangePasswordService passwordChanges;
    final ManageMfaService mfa;
    final AuthenticateService authenticator;
    /** motel-admin's use case. */
    final AdministerUsersService administration;

    IdentityFixture() {
        this(IdentitySettings.defaults());
    }

    IdentityFixture(IdentitySettings settings) {
        this(settings, new InMemorySessions());
    }

    IdentityFixture(IdentitySettings settings, InMemorySessions sessions) {
        this.settings = settings;
        this.sessions = sessions;
        this.loginAlerts = new LoginAlerts(events, geo, outbox);
        this.loginThrottling = new LoginThrottling(attempts, sessions, loginAlerts, settings);
        this.sessionStarter = new SessionStarter(sessions, accessTokens, enrolments, loginAlerts, settings);
        this.termination = new SessionTermination(users, sessions, oneTimeTokens, revocations, ACCESS_TOKEN_TTL, clock);

        this.registrations = new RegisterGuestService(users, hasher, policy, oneTimeTokens, attempts, outbox, auditLog, settings, clock, transactions,
                metrics);
        this.verifications = new VerifyEmailService(users, oneTimeTokens, outbox, auditLog, settings, clock);
        this.bookingClaimsByOwners = new ClaimGuestBookingsService(users, bookingClaims, auditLog, clock);
        this.profiles = new ViewProfileService(users);
        this.firstAdmin = new EnsureFirstAdminService(users, hasher, policy, auditLog, clock, transactions);
        this.logins = new LogInService(users, hasher, enrolments, oneTimeTokens, loginThrottling, sessionStarter, settings, clock, transactions,
                metrics);
        this.mfaLogins = new CompleteMfaLoginService(users, enrolments, totp, cipher, oneTimeTokens, loginThrottling, sessionStarter, clock,
                metrics);
        this.refreshes = new RefreshTokensService(users, sessions, accessTokens, enrolments, termination, loginAlerts, settings, clock);
        this.logouts = new LogOutService(users, revocations, termination, auditLog, clock);
        this.ownSessions = new ManageSessionsService(sessions, termination);
        this.adminRevocations = new RevokeTokensService(users, revocations, accessTokens, termination, auditLog, clock);
        this.loginHistory = new ViewLoginHistoryService(events);
        this.passwordResets = new ResetPasswordService(users, hasher, policy, oneTimeTokens, loginThrottling, termination, outbox, auditLog,
                settings, clock, transactions);
        this.passwordChanges = new ChangePasswordService(users, hasher, policy, oneTimeTokens, attempts, termination, outbox, auditLog, clock,
                transactions);
        this.mfa = new ManageMfaService(users, enrolments, totp, cipher, hasher, attempts, outbox, auditLog, clock, transactions);
        this.authenticator = new AuthenticateService(accessTokens, revocations, metrics);
        this.administration = new AdministerUsersService(users, sessions, oneTimeTokens, revocations, revocations,
                enrolments, hasher, policy, outbox, auditLog, ACCESS_TOKEN_TTL, clock, transactions);
    }

    static IdentitySettings settingsNotRequiringVerifiedEmail() {
        IdentitySettings defaults = IdentitySettings.defaults();
        return new IdentitySettings(defaults.refreshTokenTtl(), defaults.emailVerificationTtl(), defaults.passwordResetTtl(), false, true);
    }

    static RegisterGuestCommand registration(String email, String password) {
        return new RegisterGuestCommand(new EmailAddress(email), password, "Anna", "Berg");
    }

    /** An account put straight into storage, as if it had been created long ago. */
    User existingGuest(String email, String password, boolean emailVerified, boolean enabled) {
        return stored(email, password, EnumSet.of(Role.GUEST), emailVerified, enabled);
    }

    /** A verified account with these roles (and the usual password), put straight into storage. */
    User existingMember(String email, Role role, Role... more) {
        return stored(email, PASSWORD, EnumSet.of(role, more), true, true);
    }

    private User stored(String email, String password, Set<Role> roles, boolean emailVerified, boolean enabled) {
        User user = new User(UserId.random(), new EmailAddress(email), "Anna", "Berg", hasher.hash(password), roles, emailVerified, enabled,
                START.minus(Duration.ofDays(100)), null);
        assertThat(users.add(user)).as("fixture account added").isTrue();
        return user;
    }

    User verifiedGuest() {
        return existingGuest(EMAIL, PASSWORD, true, true);
    }

    /** Another verified guest, Bob, logged in on this device. */
    TokenPair otherGuestLoggedIn(Device device) {
        existingGuest(BOB, PASSWORD, true, true);
        return logIn(BOB, PASSWORD, device);
    }

    /** The password the account has now (the fake hasher can tell). */
    String passwordOf(String email) {
        return hasher.passwordIn(users.stored(email).passwordHash());
    }

    /** The verified guest, logged in on the laptop: the caller of a use case that needs a login. */
    AccessTokenClaims loggedInGuest() {
        verifiedGuest();
        return claimsOf(logIn(LAPTOP));
    }

    /** The verified guest, logged in on the laptop and then on the phone. */
    GuestOnTwoDevices guestOnLaptopAndPhone() {
        User guest = verifiedGuest();
        return new GuestOnTwoDevices(guest, logIn(LAPTOP), logIn(PHONE));
    }

    record GuestOnTwoDevices(User guest, TokenPair laptop, TokenPair phone) {
    }

    /** Anna signs up; hands back the token in her verification email. */
    String newGuestsVerificationToken() {
        registrations.register(registration(EMAIL, PASSWORD));
        return outbox.latestVerificationToken();
    }

    /** Asks for a password reset; hands back the token in the email. */
    String resetTokenEmailedTo(String email) {
        passwordResets.requestPasswordReset(email);
        return outbox.latestResetToken();
    }

    /** The caller turns on two-factor login with the authenticator app; fails the test if it does not work. */
    Authenticator enrolInMfa(AccessTokenClaims caller) {
        SetupResult setUp = mfa.setUp(caller, PASSWORD);
        assertThat(setUp).as("MFA set-up").isInstanceOf(SetupResult.Started.class);
        String secret = ((SetupResult.Started) setUp).secret();
        ConfirmResult confirmed = mfa.confirm(caller, FakeTotp.codeAt(secret, clock.instant()));
        assertThat(confirmed).as("MFA confirmation").isInstanceOf(ConfirmResult.Enabled.class);
        return new Authenticator(secret, ((ConfirmResult.Enabled) confirmed).backupCodes());
    }

    /** What enrolling leaves the user with: the app's secret, and the backup codes shown once. */
    record Authenticator(String secret, List<String> backupCodes) {

        String codeAt(Instant instant) {
            return FakeTotp.codeAt(secret, instant);
        }
    }

    /** Both login steps, with the authenticator's current code; fails the test if either does not succeed. */
    TokenPair logInWithCode(String email, Authenticator authenticator) {
        LoginResult first = attemptLogIn(email, PASSWORD);
        assertThat(first).as("password step of " + email).isInstanceOf(LoginResult.MfaRequired.class);
        LoginResult second = mfaLogins.completeLogin(((LoginResult.MfaRequired) first).mfaToken(), authenticator.codeAt(clock.instant()), LAPTOP);
        assertThat(second).as("code step of " + email).isInstanceOf(LoginResult.LoggedIn.class);
        return ((LoginResult.LoggedIn) second).tokens();
    }

    LoginResult attemptLogIn(String email, String password) {
        return logins.logIn(new LogInCommand(email, password, LAPTOP));
    }

    /** Logs in and hands back the pair; fails the test if the login does not succeed. */
    TokenPair logIn(String email, String password, Device device) {
        LoginResult result = logins.logIn(new LogInCommand(email, password, device));
        assertThat(result).as("login of " + email).isInstanceOf(LoginResult.LoggedIn.class);
        return ((LoginResult.LoggedIn) result).tokens();
    }

    TokenPair logIn(Device device) {
        return logIn(EMAIL, PASSWORD, device);
    }

    /** The claims of a token the authenticator accepts; fails the test if it refuses it. */
    AccessTokenClaims claimsOf(TokenPair tokens) {
        return authenticator.authenticate(tokens.accessToken())
                .orElseThrow(() -> new AssertionError("the access token should be accepted"));
    }

    boolean accepted(TokenPair tokens) {
        return authenticator.authenticate(tokens.accessToken()).isPresent();
    }
}
