/** Notifications to guests and staff: what an email is and how it travels through the outbox. */
package com.westbethel.motel.domain.notification;
