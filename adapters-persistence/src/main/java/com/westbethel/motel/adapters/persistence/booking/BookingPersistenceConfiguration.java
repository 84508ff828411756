package com.westbethel.motel.adapters.persistence.booking;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The booking area's PostgreSQL adapters, each built from the one {@code JdbcClient}; a deployable imports this. */
@Configuration(proxyBeanMethods = false)
@Import({JdbcInventory.class, JdbcBookings.class, JdbcPayments.class, JdbcLoyaltyLedger.class, JdbcIdempotencyKeys.class})
public class BookingPersistenceConfiguration {
}
