package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.booking.port.in.ChangeInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.RoomTypePhotoUseCase;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the staff console's inventory endpoints and the room types' photos (the controller stays package-private). */
@Configuration(proxyBeanMethods = false)
public class InventoryConsoleWebConfiguration {

    @Bean
    InventoryConsoleController inventoryConsoleController(ViewInventoryUseCase view, ChangeInventoryUseCase changes, RoomTypePhotoUseCase photos) {
        return new InventoryConsoleController(view, changes, photos);
    }
}
