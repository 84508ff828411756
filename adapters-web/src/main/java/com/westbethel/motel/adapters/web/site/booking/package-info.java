/** The guest website's booking pages: search with the price calendar, the booking flow, managing a booking, my bookings. */
package com.westbethel.motel.adapters.web.site.booking;
