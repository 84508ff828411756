/** The audit log in PostgreSQL: entries appended with their business change, linked into the keyed chain by one linker at a time so the chain never forks. */
package com.westbethel.motel.adapters.persistence.audit;
