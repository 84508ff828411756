package com.westbethel.motel.bootstrap.api.site;

import com.westbethel.motel.bootstrap.api.EmailedLinks;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Where a browser test of the site starts: the API running in this JVM on a random port (the same properties as the
 * API's HTTP tests, so all of them share one Spring context), a real Chromium on it ({@link SiteBrowser}: one for the
 * test JVM, every test starting as a new visitor), and the links of the emails the API queued ({@link EmailedLinks}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class AbstractSiteIT {

    /**
     * One Chromium for the test JVM, started by the first browser test and closed when the JVM ends (starting one took 3 to
     * 5 s per class on the CI machine); each test begins as a new visitor on it ({@link SiteBrowser#forgetVisitor}), as
     * the tests of one class always did. Started again only for an API on another port (another Spring context).
     */
    private static SiteBrowser started;
    private static String startedOn;
    private static boolean closedAtExit;

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
        String site = "http://localhost:" + port;
        if (started != null && !site.equals(startedOn)) {
            started.close();
            started = null;
        }
        if (started == null) {
            started = SiteBrowser.start(site);
            startedOn = site;
            if (!closedAtExit) {
                closedAtExit = true;
                Runtime.getRuntime().addShutdownHook(new Thread(AbstractSiteIT::closeBrowser, "close-site-browser"));
            }
        }
        started.forgetVisitor();
        browser = started;
        emails = EmailedLinks.of(context);
        // Failed logins from the test address must not pile up across runs into a lock.
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    /** At the end of the test JVM: the browser serves every browser test class on the same API, as it serves each class's tests. */
    private static synchronized void closeBrowser() {
        if (started != null) {
            started.close();
            started = null;
        }
    }
}
