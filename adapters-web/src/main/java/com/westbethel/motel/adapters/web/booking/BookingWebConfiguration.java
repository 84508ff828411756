package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.ExtendHoldUseCase;
import com.westbethel.motel.application.booking.port.in.FrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.ManageInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the booking and front-desk controllers, which stay package-private; the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class BookingWebConfiguration {

    @Bean
    BookingController bookingController(BrowseRoomTypesUseCase roomTypes, SearchAvailabilityUseCase availability, BookRoomUseCase book,
            ViewBookingsUseCase view, CancelBookingUseCase cancel, PayForBookingUseCase pay, ViewLoyaltyUseCase loyalty, ExtendHoldUseCase extendHold,
            ManageLinkUseCase manageLinks) {
        return new BookingController(roomTypes, availability, book, view, cancel, pay, loyalty, extendHold, manageLinks);
    }

    @Bean
    AdminInventoryController adminInventoryController(ManageInventoryUseCase inventory) {
        return new AdminInventoryController(inventory);
    }

    @Bean
    FrontDeskController frontDeskController(FrontDeskUseCase frontDesk, QueryAuditLogUseCase audit) {
        return new FrontDeskController(frontDesk, audit);
    }
}
