/** The booking endpoints: room types, availability, bookings, payments, cancellation, loyalty. */
package com.westbethel.motel.adapters.web.booking;
