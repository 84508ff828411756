package com.westbethel.motel.adapters.persistence.booking;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The front desk console's reads (the tape chart, the booking search), straight from PostgreSQL; the API imports this. */
@Configuration(proxyBeanMethods = false)
@Import({JdbcTapeChartReads.class, JdbcBookingSearch.class})
public class DeskBookingsPersistenceConfiguration {
}
