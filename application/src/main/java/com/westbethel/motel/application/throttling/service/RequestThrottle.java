package com.westbethel.motel.application.throttling.service;

import com.westbethel.motel.application.throttling.port.in.AdmitRequestUseCase;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets.Limit;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets.Probe;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Counts requests against the configured limits; a kind without a limit is always admitted. */
public class RequestThrottle implements AdmitRequestUseCase {

    private final RateLimitBuckets buckets;
    private final Map<RequestKind, Limit> perAddress;
    private final Map<RequestKind, Limit> perAccount;

    public RequestThrottle(RateLimitBuckets buckets, Map<RequestKind, Limit> perAddress, Map<RequestKind, Limit> perAccount) {
        this.buckets = buckets;
        this.perAddress = perAddress.isEmpty() ? Map.of() : new EnumMap<>(perAddress);
        this.perAccount = perAccount.isEmpty() ? Map.of() : new EnumMap<>(perAccount);
    }

    @Override
    public Admission admitFromAddress(RequestKind kind, String clientAddress) {
        return admit(perAddress.get(kind), "rate:" + kind + ":address:" + clientAddress);
    }

    @Override
    public Admission admitForAccount(RequestKind kind, String clientAddress, String account) {
        return admit(perAccount.get(kind), "rate:" + kind + ":account:" + clientAddress + "|" + account.strip().toLowerCase(Locale.ROOT));
    }

    private Admission admit(Limit limit, String key) {
        if (limit == null) {
            return Admission.admit();
        }
        Probe probe = buckets.tryConsume(key, limit);
        return new Admission(probe.consumed(), probe.retryAfter());
    }
}
