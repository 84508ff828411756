/** Email: the listener that queues each notification event's emails, the Thymeleaf templates that word them, SMTP sending, signed unsubscribe links and the outbox's metrics. */
package com.westbethel.motel.adapters.messaging.notification;
