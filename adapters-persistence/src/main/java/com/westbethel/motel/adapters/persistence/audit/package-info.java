/** The audit log in PostgreSQL, one writer at a time so the chain never forks. */
package com.westbethel.motel.adapters.persistence.audit;
