package com.westbethel.motel.application.throttling.service;

import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets.Limit;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets.Probe;
import com.westbethel.motel.domain.shared.ClientAddress;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Counts requests against the configured limits; a kind without a limit is always admitted. */
public class AdmitRequestService implements AdmitRequestUseCase {

    private final RateLimitBuckets buckets;
    private final Map<RequestKind, Limit> perAddress;
    private final Map<RequestKind, Limit> perAccount;

    public AdmitRequestService(RateLimitBuckets buckets, Map<RequestKind, Limit> perAddress, Map<RequestKind, Limit> perAccount) {
        this.buckets = buckets;
        this.perAddress = perAddress.isEmpty() ? Map.of() : new EnumMap<>(perAddress);
        this.perAccount = perAccount.isEmpty() ? Map.of() : new EnumMap<>(perAccount);
    }

    @Override
    public Admission admitFromAddress(RequestKind kind, ClientAddress clientAddress) {
        return admit(kind, perAddress.get(kind), "address:" + clientAddress.throttleKey());
    }

    @Override
    public Admission admitForAccount(RequestKind kind, ClientAddress clientAddress, String account) {
        return admit(kind, perAccount.get(kind), "account:" + clientAddress.throttleKey() + "|" + account.strip().toLowerCase(Locale.ROOT));
    }

    private Admission admit(RequestKind kind, Limit limit, String who) {
        if (limit == null) {
            return Admission.admit();
        }
        // The limit is part of the key: a bucket kept in Redis under an older setting never outlives a change of it.
        Probe probe = buckets.tryConsume("rate:" + kind + ":" + limit.capacity() + "/" + limit.period() + ":" + who, limit);
        return new Admission(probe.consumed(), probe.retryAfter());
    }
}
