/** What callers can ask of the notification area. */
package com.westbethel.motel.application.notification.port.in;
