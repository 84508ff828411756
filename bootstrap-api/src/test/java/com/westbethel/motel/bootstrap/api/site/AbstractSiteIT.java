package com.westbethel.motel.bootstrap.api.site;

import com.westbethel.motel.bootstrap.api.EmailedLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Where a browser test of the site starts: the API running in this JVM on a random port (the same properties as the
 * API's HTTP tests, so all of them share one Spring context), a real Chromium on it ({@link SiteBrowser}: one per test
 * class, every test starting as a new visitor), and the links of the emails the API queued ({@link EmailedLinks}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class AbstractSiteIT {

    private static SiteBrowser started;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    SiteBrowser browser;
    EmailedLinks emails;

    @BeforeEach
    void openBrowser() {
        if (started == null) {
            started = SiteBrowser.start("http://localhost:" + port);
        }
        started.forgetVisitor();
        browser = started;
        emails = EmailedLinks.of(context);
        // Failed logins from the test address must not pile up across runs into a lock.
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    @AfterAll
    static void closeBrowser() {
        if (started != null) {
            started.close();
            started = null;
        }
    }
}
