package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase;
import com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the staff console's front-desk and housekeeping endpoints (the controller stays package-private). */
@Configuration(proxyBeanMethods = false)
public class FrontDeskConsoleWebConfiguration {

    @Bean
    FrontDeskConsoleController frontDeskConsoleController(ViewFrontDeskUseCase frontDesk, RoomHousekeepingUseCase housekeeping) {
        return new FrontDeskConsoleController(frontDesk, housekeeping);
    }
}
