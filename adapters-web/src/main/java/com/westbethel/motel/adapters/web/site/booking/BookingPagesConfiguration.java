package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.ExtendHoldUseCase;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase;
import com.westbethel.motel.application.identity.port.in.ViewProfileUseCase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the website's booking pages, whose controllers stay package-private; the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class BookingPagesConfiguration {

    @Bean
    SearchPageController searchPageController(SearchAvailabilityUseCase search, ViewPriceCalendarUseCase calendar) {
        return new SearchPageController(search, calendar);
    }

    @Bean
    BookPageController bookPageController(SearchAvailabilityUseCase search, BookRoomUseCase book, ViewProfileUseCase profiles) {
        return new BookPageController(search, book, profiles);
    }

    @Bean
    CheckoutController checkoutController(ViewBookingsUseCase bookings, ExtendHoldUseCase extend, PayForBookingUseCase pay,
            ManageLinkUseCase manageLinks, BrowseRoomTypesUseCase motel, Clock clock) {
        return new CheckoutController(bookings, extend, pay, manageLinks, motel, clock);
    }

    @Bean
    ManageBookingController manageBookingController(ManageLinkUseCase links, ViewBookingsUseCase bookings, CancelBookingUseCase cancel,
            BrowseRoomTypesUseCase motel, Clock clock) {
        return new ManageBookingController(links, bookings, cancel, motel, clock);
    }

    @Bean
    AccountBookingsController accountBookingsController(ViewBookingsUseCase bookings, ViewLoyaltyUseCase loyalty, BrowseRoomTypesUseCase motel) {
        return new AccountBookingsController(bookings, loyalty, motel);
    }
}
