/** Bookings: pricing a stay, promotions, the booking's life from hold to check-out, cancellation. */
package com.westbethel.motel.domain.booking;
