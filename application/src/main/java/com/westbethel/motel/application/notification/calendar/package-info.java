/**
 * A booked stay as an iCalendar file: one generator for the confirmation email's attachment and the booking's
 * {@code .ics} download on the site.
 */
package com.westbethel.motel.application.notification.calendar;
