/** Start-up preconditions of every deployable (secrets present, PostgreSQL reachable), reported in one sentence. */
package com.westbethel.motel.adapters.persistence.startup;
