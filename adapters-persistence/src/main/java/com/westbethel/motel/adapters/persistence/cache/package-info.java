/**
 * The two-level cache of the inventory and availability (docs/performance.md, "Caching"): Caffeine in each process, Redis
 * shared by all, invalidated after commit and announced to every replica over Redis pub/sub.
 */
package com.westbethel.motel.adapters.persistence.cache;
