/** The sending side of notifications: the outbox's metrics now, its drain and templates next. */
package com.westbethel.motel.adapters.messaging.notification;
