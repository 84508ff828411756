package com.westbethel.motel.bootstrap.api;

import com.westbethel.motel.adapters.web.booking.BookingWebConfiguration;
import com.westbethel.motel.adapters.web.booking.DeskBookingsWebConfiguration;
import com.westbethel.motel.adapters.web.docs.OpenApiConfiguration;
import com.westbethel.motel.adapters.web.edge.EdgeConfiguration;
import com.westbethel.motel.adapters.web.identity.IdentityWebConfiguration;
import com.westbethel.motel.adapters.web.notification.NotificationWebConfiguration;
import com.westbethel.motel.adapters.web.problem.ProblemConfiguration;
import com.westbethel.motel.adapters.web.reporting.ReportingWebConfiguration;
import com.westbethel.motel.adapters.web.security.SecurityConfiguration;
import com.westbethel.motel.adapters.web.site.SiteConfiguration;
import com.westbethel.motel.adapters.web.site.account.AccountPagesConfiguration;
import com.westbethel.motel.adapters.web.site.booking.BookingPagesConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The HTTP API for guests and staff, and the guest website beside it. */
// No in-memory user with a generated password: every caller authenticates with an access token.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@Import({ProblemConfiguration.class, EdgeConfiguration.class, ManagementConfiguration.class, SecurityConfiguration.class, IdentityWebConfiguration.class, BookingWebConfiguration.class,
        NotificationWebConfiguration.class, OpenApiConfiguration.class, SiteConfiguration.class, AccountPagesConfiguration.class,
        BookingPagesConfiguration.class,
        ReportingWebConfiguration.class, DeskBookingsWebConfiguration.class, FrontDeskConsoleConfiguration.class, AdministrationConfiguration.class,
        InventoryConsoleConfiguration.class})
public class MotelApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotelApiApplication.class, args);
    }
}
