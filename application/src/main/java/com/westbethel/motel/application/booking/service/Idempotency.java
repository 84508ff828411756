package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import com.westbethel.motel.domain.shared.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Idempotency-Key handling for the use cases that create something (a booking, a payment). The first command
 * sent with a key is carried out and the key remembers what it created; a retry with the same key and the same
 * command gets that first answer again; the same key with a different command is refused. Commands are told
 * apart by a fingerprint of their own fields, so no adapter computes one. Keys are kept 48 hours, twice the
 * day a client is promised it may retry in.
 */
record Idempotency(IdempotencyKeys keys, Clock clock) {

    static final Duration KEPT_FOR = Duration.ofHours(48);

    /**
     * Claims the request's key. Empty when the command is to be carried out (no key, a new key, or a key whose
     * first command created nothing); otherwise the answer to give instead of carrying it out.
     *
     * @param firstAnswer what the key's first command created, looked up by its id
     */
    <T> Optional<Outcome<T>> claim(Request request, Function<UUID, Optional<T>> firstAnswer) {
        if (request.key().isEmpty()) {
            return Optional.empty();
        }
        IdempotencyKeys.Claim claim = keys.claim(request.scope(), request.key().get(), request.fingerprint(), clock.instant());
        if (!(claim instanceof IdempotencyKeys.Claim.Existing existing)) {
            return Optional.empty();
        }
        if (!existing.requestFingerprint().equals(request.fingerprint())) {
            return Optional.of(Outcome.refused(new Refusal(Refusal.Kind.IDEMPOTENCY_MISMATCH, null,
                    "This Idempotency-Key was used with a different request. Use a new key for a new %s.".formatted(request.creates()))));
        }
        return existing.resourceId().flatMap(firstAnswer).map(Outcome::replayed);
    }

    /** Remembers what the request created, for its retries. */
    void complete(Request request, UUID created) {
        request.key().ifPresent(key -> keys.complete(request.scope(), key, created));
    }

    /** @return how many keys older than {@link #KEPT_FOR} were forgotten */
    long forgetOldKeys() {
        return keys.deleteCreatedBefore(clock.instant().minus(KEPT_FOR));
    }

    /**
     * A command as sent, with the client's key if it sent one.
     *
     * @param scope whose keys these are: a key is the client's choice, unique only within its scope
     * @param creates what a command of this kind creates, named in the refusal ("booking", "payment")
     * @param fingerprint what the command asked, in a form that tells a retry from another command
     */
    record Request(String scope, Optional<String> key, String creates, String fingerprint) {

        /** @param commandFields the fields of the command that make up what it asks, in a fixed order */
        static Request of(String scope, Optional<String> key, String creates, Object... commandFields) {
            return new Request(scope, key, creates, Idempotency.fingerprint(commandFields));
        }
    }

    /**
     * SHA-256 of the fields in one canonical form that no {@code toString} of a record or DTO can change: each
     * field's text length-prefixed (so two different lists of fields never share a form), an absent field as
     * {@code -}. Only values whose text is fixed are accepted.
     */
    static String fingerprint(Object... fields) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : fields) {
            Optional<String> text = canonicalText(field);
            canonical.append(text.map(value -> value.length() + ":" + value).orElse("-")).append(';');
        }
        return Sha256.hex(canonical.toString());
    }

    private static Optional<String> canonicalText(Object field) {
        Object value = field instanceof Optional<?> optional ? optional.orElse(null) : field;
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof UUID || value instanceof LocalDate || value instanceof Integer || value instanceof Long) {
            return Optional.of(value.toString());
        }
        throw new IllegalArgumentException("no canonical form for a " + value.getClass().getName());
    }
}
