/** PostgreSQL side of the motel's business: inventory, bookings, payments, loyalty, idempotency keys. */
package com.westbethel.motel.adapters.persistence.booking;
