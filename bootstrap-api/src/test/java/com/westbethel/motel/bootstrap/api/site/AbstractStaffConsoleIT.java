package com.westbethel.motel.bootstrap.api.site;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;

/**
 * Where a browser test of the staff console starts: a new clerk enrolled in two-factor login ({@link StaffClerk}, who
 * logs in through the site), and the motel as the admin makes it through the API ({@link ConsoleMotel}).
 */
abstract class AbstractStaffConsoleIT extends AbstractSiteIT {

    @Value("${motel.admin.email}")
    String adminEmail;

    @Value("${motel.admin.password}")
    String adminPassword;

    HttpProbe http;
    StaffClerk clerk;
    ConsoleMotel motel;

    @BeforeEach
    void aClerkAndTheAdmin() {
        http = new HttpProbe(port);
        clerk = StaffClerk.enrolled(http, port, jdbc);
        motel = ConsoleMotel.asAdmin(http, port, jdbc, adminEmail, adminPassword);
    }
}
