package com.westbethel.motel.adapters.persistence.booking;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The staff console's changes and lists of the inventory, and room types' photos; a deployable imports this. */
@Configuration(proxyBeanMethods = false)
@Import({JdbcInventoryEdits.class, JdbcRoomTypePhotos.class})
public class InventoryConsolePersistenceConfiguration {
}
