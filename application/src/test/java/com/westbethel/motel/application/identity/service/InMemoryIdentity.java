package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.support.RecordingTransactions;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.application.identity.port.out.RevocationRecords;
import com.westbethel.motel.application.identity.port.out.RevocationRecords.RevokedEntry;
import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.TotpCodes;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.event.EmailVerificationRequested;
import com.westbethel.motel.application.booking.port.out.BookingClaims;
import com.westbethel.motel.application.notification.event.NotificationEvent;
import com.westbethel.motel.application.notification.event.PasswordResetRequested;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.application.notification.event.UserRegistered;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.PasswordStrength;
import com.westbethel.motel.domain.identity.PasswordStrengthEstimator;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Hand-written in-memory stand-ins for the identity output ports, simple enough to trust by reading.
 * Stores keep copies of what they are given, so a service that forgets to save a change is caught.
 */
final class InMemoryIdentity {

    private InMemoryIdentity() {
    }

    /** Calls a password weak when it contains "password"; strong enough otherwise. */
    static final PasswordStrengthEstimator ESTIMATOR = (password, personalWords) -> password.toLowerCase(Locale.ROOT).contains("password")
            ? new PasswordStrength(false, Optional.of("This is similar to a commonly used password"), List.of("Avoid common words."))
            : new PasswordStrength(true, Optional.empty(), List.of());

    /** A clock the test moves by hand. */
    static final class InMemoryUsers implements Users {

        private final Map<UserId, User> byId = new LinkedHashMap<>();

        @Override
        public synchronized Optional<User> findById(UserId id) {
            return Optional.ofNullable(byId.get(id)).map(InMemoryUsers::copy);
        }

        @Override
        public synchronized List<User> list(int limit) {
            List<User> newestFirst = new ArrayList<>(byId.values().stream().map(InMemoryUsers::copy).toList());
            Collections.reverse(newestFirst);
            return newestFirst.stream().limit(limit).toList();
        }

        @Override
        public synchronized List<User> search(String emailPart, int offset, int limit) {
            return list(Integer.MAX_VALUE).stream().filter(user -> contains(user, emailPart)).skip(offset).limit(limit).toList();
        }

        @Override
        public synchronized long countMatching(String emailPart) {
            return byId.values().stream().filter(user -> contains(user, emailPart)).count();
        }

        private static boolean contains(User user, String emailPart) {
            return user.email().value().contains(emailPart.strip().toLowerCase(Locale.ROOT));
        }

        @Override
        public synchronized Optional<User> findByEmail(EmailAddress email) {
            return byId.values().stream().filter(user -> user.email().equals(email)).findFirst().map(InMemoryUsers::copy);
        }

        /** Each call here is atomic and nothing spans two: holding the account is finding it. */
        @Override
        public Optional<User> findByIdForChange(UserId id) {
            return findById(id);
        }

        @Override
        public Optional<User> findByEmailForChange(EmailAddress email) {
            return findByEmail(email);
        }

        @Override
        public synchronized boolean add(User user) {
            if (byId.containsKey(user.id()) || byId.values().stream().anyMatch(existing -> existing.email().equals(user.email()))) {
                return false;
            }
            byId.put(user.id(), copy(user));
            return true;
        }

        @Override
        public synchronized void update(User user) {
            if (!byId.containsKey(user.id())) {
                throw new IllegalStateException("no user " + user.id() + " to update");
            }
            byId.put(user.id(), copy(user));
        }

        @Override
        public synchronized boolean anyWithRole(Role role) {
            return byId.values().stream().anyMatch(user -> user.hasRole(role));
        }

        @Override
        public synchronized long holdUnlockedWithRole(Role role) {
            return byId.values().stream().filter(user -> user.enabled() && user.hasRole(role)).count();
        }

        synchronized int count() {
            return byId.size();
        }

        /** The stored account with this address; fails the test when there is none. */
        User stored(String email) {
            return findByEmail(new EmailAddress(email)).orElseThrow(() -> new AssertionError("no account for " + email));
        }

        private static User copy(User user) {
            return new User(user.id(), user.email(), user.firstName(), user.lastName(), user.passwordHash(), user.roles(),
                    user.emailVerified(), user.enabled(), user.createdAt(), user.tokensValidAfter().orElse(null));
        }
    }

    /** Trivially reversible, so tests can see what was hashed; never a real password's fate. */
    static final class PlainTextHasher implements PasswordHasher {

        private static final String PREFIX = "hashed:";
        private final RecordingTransactions transactions;
        /** Hashes and checks made while a transaction was open (bcrypt there holds a database connection). */
        int insideTransactions;
        int calls;
        /** Run once, in the middle of the next check: what other requests do while bcrypt takes its quarter second. */
        Runnable duringNextCheck;

        PlainTextHasher(RecordingTransactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public String hash(String password) {
            count();
            return PREFIX + password;
        }

        @Override
        public boolean matches(String password, String hash) {
            count();
            Runnable meanwhile = duringNextCheck;
            duringNextCheck = null;
            if (meanwhile != null) {
                meanwhile.run();
            }
            return hash.equals(PREFIX + password);
        }

        /** The password a hash of this hasher was made from. */
        String passwordIn(String hash) {
            return hash.substring(PREFIX.length());
        }

        private void count() {
            calls++;
            if (transactions.open()) {
                insideTransactions++;
            }
        }
    }

    /** Issues {@code access-<n>} tokens and verifies them back to their claims until they expire. */
    static final class FakeAccessTokens implements AccessTokens {

        private final Clock clock;
        private final Duration timeToLive;
        private final Map<String, AccessTokenClaims> issued = new HashMap<>();
        private int counter;

        FakeAccessTokens(Clock clock, Duration timeToLive) {
            this.clock = clock;
            this.timeToLive = timeToLive;
        }

        @Override
        public synchronized IssuedAccessToken issue(UserId user, SessionId session, Set<Role> roles) {
            counter++;
            Instant now = clock.instant();
            AccessTokenClaims claims = new AccessTokenClaims("jti-" + counter, user, session, roles, now, now.plus(timeToLive));
            String token = "access-" + counter;
            issued.put(token, claims);
            return new IssuedAccessToken(token, claims.jti(), claims.expiresAt());
        }

        @Override
        public synchronized Optional<AccessTokenClaims> verify(String token) {
            return Optional.ofNullable(issued.get(token)).filter(claims -> claims.expiresAt().isAfter(clock.instant()));
        }

        @Override
        public Duration timeToLive() {
            return timeToLive;
        }
    }

    /** Sessions and their refresh-token families; ending a session revokes every token of its family. */
    static class InMemorySessions implements Sessions {

        private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
        private final Map<SessionId, String> endReasons = new HashMap<>();
        private final Map<String, RefreshToken> refreshTokens = new LinkedHashMap<>();

        @Override
        public synchronized void start(Session session) {
            if (sessions.putIfAbsent(session.id(), session) != null) {
                throw new IllegalStateException("session " + session.id() + " already started");
            }
        }

        @Override
        public synchronized Optional<Session> find(SessionId id) {
            return Optional.ofNullable(sessions.get(id));
        }

        @Override
        public synchronized List<Session> activeOf(UserId user) {
            return sessions.values().stream().filter(session -> session.user().equals(user) && session.active()).toList();
        }

        @Override
        public synchronized void touch(SessionId id, Instant lastSeenAt) {
            sessions.computeIfPresent(id, (key, session) -> new Session(session.id(), session.user(), session.device(), session.createdAt(),
                    lastSeenAt, session.endedAt()));
        }

        @Override
        public synchronized boolean end(SessionId id, Instant at, String reason) {
            Session session = sessions.get(id);
            if (session == null || !session.active()) {
                return false;
            }
            sessions.put(id, new Session(session.id(), session.user(), session.device(), session.createdAt(), session.lastSeenAt(),
                    Optional.of(at)));
            endReasons.put(id, reason);
            refreshTokens.replaceAll((hash, token) -> token.session().equals(id) && token.revokedAt().isEmpty()
                    ? new RefreshToken(token.tokenHash(), token.session(), token.user(), token.issuedAt(), token.expiresAt(),
                            token.rotatedAt(), Optional.of(at))
                    : token);
            return true;
        }

        @Override
        public synchronized List<SessionId> endAllOf(UserId user, Instant at, String reason) {
            List<SessionId> ended = new ArrayList<>();
            for (Session session : activeOf(user)) {
                if (end(session.id(), at, reason)) {
                    ended.add(session.id());
                }
            }
            return ended;
        }

        @Override
        public synchronized void saveRefreshToken(RefreshToken token) {
            if (refreshTokens.putIfAbsent(token.tokenHash(), token) != null) {
                throw new IllegalStateException("refresh token saved twice");
            }
        }

        @Override
        public synchronized Optional<RefreshToken> findRefreshToken(String tokenHash) {
            return Optional.ofNullable(refreshTokens.get(tokenHash));
        }

        @Override
        public synchronized boolean markRotated(String tokenHash, Instant at) {
            RefreshToken token = refreshTokens.get(tokenHash);
            if (token == null || token.rotatedAt().isPresent() || token.revokedAt().isPresent()) {
                return false;
            }
            refreshTokens.put(tokenHash, new RefreshToken(token.tokenHash(), token.session(), token.user(), token.issuedAt(), token.expiresAt(),
                    Optional.of(at), token.revokedAt()));
            return true;
        }

        @Override
        public synchronized DeviceHistory deviceHistory(UserId user, String fingerprint) {
            List<Session> ofUser = sessions.values().stream().filter(session -> session.user().equals(user)).toList();
            return new DeviceHistory(!ofUser.isEmpty(), ofUser.stream().anyMatch(session -> session.device().fingerprint().equals(fingerprint)));
        }

        @Override
        public synchronized boolean loggedInBeforeFrom(UserId user, Device device) {
            return sessions.values().stream().anyMatch(session -> session.user().equals(user)
                    && session.device().fingerprint().equals(device.fingerprint())
                    && session.device().throttleKey().equals(device.throttleKey()));
        }

        /** Why the session ended, when it has. */
        synchronized Optional<String> endReason(SessionId id) {
            return Optional.ofNullable(endReasons.get(id));
        }
    }

    /** Honours each entry until its own "until" instant, as a store that purges old entries would; lists them as the database does. */
    static final class InMemoryRevocationList implements RevocationList, RevocationRecords {

        private final Clock clock;
        private final InMemoryUsers users;
        private final Map<String, Revoked> tokens = new HashMap<>();
        private final Map<SessionId, Revoked> sessions = new HashMap<>();
        private final Map<UserId, UserCutoff> userCutoffs = new HashMap<>();

        InMemoryRevocationList(Clock clock, InMemoryUsers users) {
            this.clock = clock;
            this.users = users;
        }

        @Override
        public synchronized void revokeToken(String jti, Instant tokenExpiresAt) {
            tokens.merge(jti, new Revoked(clock.instant(), tokenExpiresAt), Revoked::later);
        }

        @Override
        public synchronized void revokeSession(SessionId session, Instant until) {
            sessions.merge(session, new Revoked(clock.instant(), until), Revoked::later);
        }

        @Override
        public synchronized void revokeUserTokensIssuedBefore(UserId user, Instant instant, Instant until) {
            userCutoffs.merge(user, new UserCutoff(instant, until),
                    (old, added) -> new UserCutoff(later(old.issuedBefore(), added.issuedBefore()), later(old.until(), added.until())));
        }

        @Override
        public synchronized boolean isRevoked(AccessTokenClaims token) {
            Instant now = clock.instant();
            boolean byId = Optional.ofNullable(tokens.get(token.jti())).filter(revoked -> now.isBefore(revoked.until())).isPresent();
            boolean bySession = Optional.ofNullable(sessions.get(token.session())).filter(revoked -> now.isBefore(revoked.until())).isPresent();
            boolean byUser = Optional.ofNullable(userCutoffs.get(token.user()))
                    .filter(cutoff -> now.isBefore(cutoff.until()) && token.issuedAt().isBefore(cutoff.issuedBefore()))
                    .isPresent();
            return byId || bySession || byUser;
        }

        /** Users by their email and cut-off, as {@code users.tokens_valid_after} lists them. */
        @Override
        public synchronized List<RevokedEntry> inForce(Instant now, Instant usersSince, int limit) {
            List<RevokedEntry> entries = new ArrayList<>();
            tokens.forEach((jti, revoked) -> entries.add(new RevokedEntry("JTI", jti, revoked.since(), revoked.until())));
            sessions.forEach((session, revoked) -> entries.add(new RevokedEntry("SESSION", session.toString(), revoked.since(), revoked.until())));
            entries.removeIf(entry -> !entry.until().isAfter(now));
            userCutoffs.forEach((user, cutoff) -> users.findById(user)
                    .filter(found -> cutoff.issuedBefore().isAfter(usersSince))
                    .ifPresent(found -> entries.add(new RevokedEntry("USER", found.email().value(), cutoff.issuedBefore(), null))));
            return entries.stream().sorted(Comparator.comparing(RevokedEntry::since).reversed()).limit(limit).toList();
        }

        private static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private record Revoked(Instant since, Instant until) {

            Revoked later(Revoked other) {
                return new Revoked(since, InMemoryRevocationList.later(until, other.until()));
            }
        }

        private record UserCutoff(Instant issuedBefore, Instant until) {
        }
    }

    /** Stored by hash; each works once, until it expires or a newer one of its purpose replaces it. */
    static final class InMemoryOneTimeTokens implements OneTimeTokens {

        private final Map<String, Entry> entries = new HashMap<>();

        @Override
        public synchronized void save(String tokenHash, Purpose purpose, UserId user, Instant expiresAt) {
            if (entries.putIfAbsent(tokenHash, new Entry(purpose, user, expiresAt, false)) != null) {
                throw new IllegalStateException("one-time token saved twice");
            }
        }

        @Override
        public synchronized Optional<UserId> peek(String tokenHash, Purpose purpose, Instant now) {
            return usable(tokenHash, purpose, now).map(Entry::user);
        }

        @Override
        public synchronized Optional<UserId> consume(String tokenHash, Purpose purpose, Instant now) {
            Optional<Entry> entry = usable(tokenHash, purpose, now);
            entry.ifPresent(found -> entries.put(tokenHash, found.markUsed()));
            return entry.map(Entry::user);
        }

        @Override
        public synchronized void invalidateAll(UserId user, Purpose purpose, Instant now) {
            entries.replaceAll((hash, entry) -> entry.user().equals(user) && entry.purpose() == purpose ? entry.markUsed() : entry);
        }

        synchronized int count() {
            return entries.size();
        }

        private Optional<Entry> usable(String tokenHash, Purpose purpose, Instant now) {
            return Optional.ofNullable(entries.get(tokenHash))
                    .filter(entry -> entry.purpose() == purpose && !entry.used() && entry.expiresAt().isAfter(now));
        }

        private record Entry(Purpose purpose, UserId user, Instant expiresAt, boolean used) {

            Entry markUsed() {
                return new Entry(purpose, user, expiresAt, true);
            }
        }
    }

    /** Bookings made without an account, counted by the address on them: what proving that address hands to an account. */
    static final class InMemoryBookingClaims implements BookingClaims {

        private final Map<EmailAddress, Integer> unclaimed = new HashMap<>();
        private final Map<UserId, Integer> claimed = new HashMap<>();

        void bookedWithoutAccount(EmailAddress email, int bookings) {
            unclaimed.merge(email, bookings, Integer::sum);
        }

        int claimedBy(UserId account) {
            return claimed.getOrDefault(account, 0);
        }

        @Override
        public int claim(UserId account, EmailAddress email) {
            int bookings = Optional.ofNullable(unclaimed.remove(email)).orElse(0);
            claimed.merge(account, bookings, Integer::sum);
            return bookings;
        }
    }

    /** Keeps every published notification event, in order. */
    static final class RecordingNotifications implements NotificationEvents {

        private final List<NotificationEvent> published = new ArrayList<>();

        @Override
        public synchronized void publish(NotificationEvent event) {
            published.add(event);
        }

        synchronized List<NotificationEvent> published() {
            return List.copyOf(published);
        }

        synchronized <E extends NotificationEvent> List<E> all(Class<E> type) {
            return published.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** The one event of this type; fails the test unless there is exactly one. */
        <E extends NotificationEvent> E only(Class<E> type) {
            List<E> found = all(type);
            if (found.size() != 1) {
                throw new AssertionError("expected exactly one " + type.getSimpleName() + ", found " + found.size() + " in " + published());
            }
            return found.get(0);
        }

        /** Every verification link sent, at registration or on request, oldest first. */
        synchronized List<String> verificationTokens() {
            List<String> tokens = new ArrayList<>();
            for (NotificationEvent event : published) {
                if (event instanceof UserRegistered registered) {
                    tokens.add(registered.verificationToken());
                } else if (event instanceof EmailVerificationRequested requested) {
                    tokens.add(requested.verificationToken());
                }
            }
            return tokens;
        }

        String latestVerificationToken() {
            List<String> tokens = verificationTokens();
            if (tokens.isEmpty()) {
                throw new AssertionError("no verification email in " + published());
            }
            return tokens.get(tokens.size() - 1);
        }

        String latestResetToken() {
            List<PasswordResetRequested> found = all(PasswordResetRequested.class);
            if (found.isEmpty()) {
                throw new AssertionError("no password reset email in " + published());
            }
            return found.get(found.size() - 1).resetToken();
        }

        List<SecurityAlert.Kind> alerts() {
            return all(SecurityAlert.class).stream().map(SecurityAlert::kind).toList();
        }
    }

    /** Failure counters and locks by key. */
    static class InMemoryLoginAttempts implements LoginAttempts {

        private final Map<String, Integer> failures = new HashMap<>();
        private final Map<String, Instant> lastFailure = new HashMap<>();
        private final Map<String, Instant> locks = new HashMap<>();

        @Override
        public synchronized int recordFailure(String key, Instant now, Duration forgetAfter) {
            Instant last = lastFailure.get(key);
            int count = last == null || last.plus(forgetAfter).isBefore(now) ? 1 : failures.get(key) + 1;
            failures.put(key, count);
            lastFailure.put(key, now);
            return count;
        }

        @Override
        public synchronized void lock(String key, Instant until) {
            locks.merge(key, until, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
        }

        @Override
        public synchronized Optional<Instant> lockedUntil(Collection<String> keys, Instant now) {
            return keys.stream().map(locks::get).filter(until -> until != null && until.isAfter(now)).max(Comparator.naturalOrder());
        }

        @Override
        public synchronized Optional<Instant> claimPacedTry(String key, Instant now, int freeTries, Duration spacing, Duration forgetAfter) {
            Optional<Instant> waiting = lockedUntil(List.of(key), now);
            if (waiting.isPresent()) {
                return waiting;
            }
            if (recordFailure(key, now, forgetAfter) >= freeTries) {
                locks.put(key, now.plus(spacing));
            } else {
                locks.remove(key);
            }
            return Optional.empty();
        }

        @Override
        public synchronized void clear(String key) {
            failures.remove(key);
            lastFailure.remove(key);
            locks.remove(key);
        }
    }

    /** The security log, newest last. */
    static class InMemorySecurityEvents implements SecurityEvents {

        final List<SecurityEvent> events = new ArrayList<>();

        @Override
        public synchronized void record(SecurityEvent event) {
            events.add(event);
        }

        @Override
        public synchronized List<SecurityEvent> recentOf(UserId user, int limit) {
            List<SecurityEvent> ofUser = new ArrayList<>(events.stream().filter(event -> event.user().equals(Optional.of(user))).toList());
            Collections.reverse(ofUser);
            return ofUser.stream().limit(limit).toList();
        }

        @Override
        public synchronized Optional<SecurityEvent> lastLogin(UserId user) {
            return recentOf(user, Integer.MAX_VALUE).stream().filter(event -> event.type() == SecurityEvents.Type.LOGIN_SUCCEEDED).findFirst();
        }

        synchronized List<SecurityEvents.Type> types() {
            return events.stream().map(SecurityEvent::type).toList();
        }
    }

    /** Enrolments and backup codes in maps, with the same once-only rules as the database. */
    static class InMemoryMfaEnrolments implements MfaEnrolments {

        private final Map<UserId, MfaEnrolment> enrolments = new HashMap<>();
        private final Map<UserId, Map<String, Boolean>> backupCodes = new HashMap<>();

        @Override
        public synchronized Optional<MfaEnrolment> find(UserId user) {
            return Optional.ofNullable(enrolments.get(user));
        }

        @Override
        public synchronized void savePending(UserId user, String encryptedSecret) {
            MfaEnrolment current = enrolments.get(user);
            enrolments.put(user, new MfaEnrolment(user, current == null ? Optional.empty() : current.secret(), Optional.of(encryptedSecret),
                    current == null ? 0 : current.lastUsedStep()));
        }

        @Override
        public synchronized boolean activate(UserId user, long confirmedStep, Instant now) {
            MfaEnrolment current = enrolments.get(user);
            if (current == null || current.pendingSecret().isEmpty()) {
                return false;
            }
            enrolments.put(user, new MfaEnrolment(user, current.pendingSecret(), Optional.empty(), confirmedStep));
            return true;
        }

        @Override
        public synchronized boolean advanceLastUsedStep(UserId user, long step) {
            MfaEnrolment current = enrolments.get(user);
            if (current == null || step <= current.lastUsedStep()) {
                return false;
            }
            enrolments.put(user, new MfaEnrolment(user, current.secret(), current.pendingSecret(), step));
            return true;
        }

        @Override
        public synchronized void replaceBackupCodes(UserId user, List<String> codeHashes) {
            Map<String, Boolean> codes = new HashMap<>();
            codeHashes.forEach(hash -> codes.put(hash, false));
            backupCodes.put(user, codes);
        }

        @Override
        public synchronized boolean useBackupCode(UserId user, String codeHash, Instant now) {
            Map<String, Boolean> codes = backupCodes.getOrDefault(user, Map.of());
            if (!Boolean.FALSE.equals(codes.get(codeHash))) {
                return false;
            }
            codes.put(codeHash, true);
            return true;
        }

        @Override
        public synchronized int remainingBackupCodes(UserId user) {
            return (int) backupCodes.getOrDefault(user, Map.of()).values().stream().filter(used -> !used).count();
        }

        @Override
        public synchronized void remove(UserId user) {
            enrolments.remove(user);
            backupCodes.remove(user);
        }
    }

    /** TOTP with a made-up but deterministic code per secret and 30-second step. */
    static class FakeTotp implements TotpCodes {

        private int secrets;

        static String codeAt(String secret, Instant instant) {
            return codeFor(secret, instant.getEpochSecond() / 30);
        }

        private static String codeFor(String secret, long step) {
            return String.format("%06d", Math.floorMod((secret + ":" + step).hashCode(), 1_000_000));
        }

        @Override
        public synchronized String newSecret() {
            return "SECRET" + (++secrets);
        }

        @Override
        public OptionalLong matchingStep(String secret, String code, Instant now) {
            long current = now.getEpochSecond() / 30;
            for (long step = current - 1; step <= current + 1; step++) {
                if (codeFor(secret, step).equals(code)) {
                    return OptionalLong.of(step);
                }
            }
            return OptionalLong.empty();
        }

        @Override
        public String otpauthUri(String secret, String accountName) {
            return "otpauth://totp/West%20Bethel%20Motel:" + accountName + "?secret=" + secret + "&issuer=West%20Bethel%20Motel";
        }
    }

    /** Reversible and visible, so tests can see that what is stored is not the plain secret. */
    static class MarkingCipher implements SecretCipher {

        @Override
        public String encrypt(String plainText) {
            return "encrypted(" + plainText + ")";
        }

        @Override
        public String decrypt(String cipherText) {
            return cipherText.substring("encrypted(".length(), cipherText.length() - 1);
        }
    }
}
