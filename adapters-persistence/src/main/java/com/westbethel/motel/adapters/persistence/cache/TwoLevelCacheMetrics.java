package com.westbethel.motel.adapters.persistence.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;

/**
 * Micrometer's cache meters for one {@link TwoLevelCache}: a hit is an answer from either level, a miss one loaded from
 * PostgreSQL; the size is this process's L1.
 */
class TwoLevelCacheMetrics extends CacheMeterBinder<TwoLevelCache> {

    TwoLevelCacheMetrics(TwoLevelCache cache, Iterable<Tag> tags) {
        super(cache, cache.getName(), tags);
    }

    @Override
    protected Long size() {
        return getCache() == null ? null : getCache().size();
    }

    @Override
    protected long hitCount() {
        return getCache() == null ? 0 : getCache().localHits() + getCache().sharedHits();
    }

    @Override
    protected Long missCount() {
        return getCache() == null ? null : getCache().misses();
    }

    @Override
    protected Long evictionCount() {
        return getCache() == null ? null : getCache().evictions();
    }

    @Override
    protected long putCount() {
        return getCache() == null ? 0 : getCache().puts();
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
    }
}
