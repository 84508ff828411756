package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the website's booking pages, whose controllers stay package-private; the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class SiteBookingConfiguration {

    @Bean
    SearchPageController searchPageController(SearchAvailabilityUseCase search, ViewPriceCalendarUseCase calendar) {
        return new SearchPageController(search, calendar);
    }
}
