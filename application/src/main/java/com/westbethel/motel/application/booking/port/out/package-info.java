/** What the booking use cases need: inventory, bookings, promotions, payments, loyalty, idempotency. */
package com.westbethel.motel.application.booking.port.out;
