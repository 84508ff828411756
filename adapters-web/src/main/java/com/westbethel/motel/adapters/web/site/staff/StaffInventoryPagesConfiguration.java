package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.ChangeInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.ManageInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.RoomTypePhotoUseCase;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the staff console's inventory page (its controller stays package-private); the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class StaffInventoryPagesConfiguration {

    @Bean
    StaffInventoryController staffInventoryController(ViewInventoryUseCase view, ManageInventoryUseCase manage, ChangeInventoryUseCase changes,
            RoomTypePhotoUseCase photos) {
        return new StaffInventoryController(view, manage, changes, photos);
    }
}
