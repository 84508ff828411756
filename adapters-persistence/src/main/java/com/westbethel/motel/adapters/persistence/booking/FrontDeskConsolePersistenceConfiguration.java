package com.westbethel.motel.adapters.persistence.booking;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The staff console's reads of the front desk's day and the rooms' housekeeping status; a deployable imports this. */
@Configuration(proxyBeanMethods = false)
@Import({JdbcFrontDeskBoard.class, JdbcRoomHousekeeping.class})
public class FrontDeskConsolePersistenceConfiguration {
}
