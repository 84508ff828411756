/** Rate-limit buckets in Redis (Bucket4j), with in-process buckets while Redis is away. */
package com.westbethel.motel.adapters.persistence.throttling;
