/** Small pieces every PostgreSQL adapter shares: timestamps, transactions around use cases. */
package com.westbethel.motel.adapters.persistence.support;
