/** PostgreSQL side of notifications: the {@code email_queue} outbox. */
package com.westbethel.motel.adapters.persistence.notification;
