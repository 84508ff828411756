/** What guests and staff do with bookings: search, book, pay, cancel, look back. */
package com.westbethel.motel.application.booking.port.in;
