package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Value;

/**
 * The staff console in a real Chromium: a member of staff enrolled in two-factor login logs in through the site's login
 * and its code step, checks in today's arrival on /staff, and marks the room clean on /staff/housekeeping after checking
 * the guest out; both pages held to the quality bars, and used at 390 px, where nothing scrolls sideways.
 */
class StaffConsoleIT extends AbstractSiteIT {

    private static final int PHONE = 390;

    @Value("${motel.admin.email}")
    String adminEmail;

    @Value("${motel.admin.password}")
    String adminPassword;

    HttpProbe http;
    String staffEmail;
    String secret;
    String roomNumber;
    String roomTypeId;
    String reference;

    /** A clerk enrolled in two-factor login, a room type and room of this test's own, and a guest's paid booking arriving today. */
    @BeforeEach
    void aClerkAndTodaysArrival() {
        http = new HttpProbe(port);
        staffEmail = Accounts.uniqueEmail("desk-clerk");
        TestAccounts.verified(port, jdbc, staffEmail);
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", staffEmail).update();
        String clerk = logIn(staffEmail, TestAccounts.PASSWORD).json().path("accessToken").asString();
        Reply setup = http.post("/api/v1/auth/mfa/setup", json(Map.of("password", TestAccounts.PASSWORD)), clerk);
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        secret = setup.json().path("secret").asString();
        assertThat(http.post("/api/v1/auth/mfa/verify", json(Map.of("code", Accounts.code(secret, 0))), clerk).status()).isEqualTo(200);

        String admin = logIn(adminEmail, adminPassword).json().path("accessToken").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String roomType = roomTypeId = created(http.post("/api/v1/admin/room-types", json(Map.of("name", "Console " + suffix, "maxOccupancy", 2,
                "baseRate", "95.00")), admin));
        roomNumber = "C" + suffix;
        created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", roomType, "number", roomNumber, "floor", 1)), admin));

        String guestEmail = Accounts.uniqueEmail("desk-guest");
        TestAccounts.verified(port, jdbc, guestEmail);
        String guest = logIn(guestEmail, TestAccounts.PASSWORD).json().path("accessToken").asString();
        LocalDate today = LocalDate.parse(http.get("/api/v1/admin/front-desk/today", admin).json().path("date").asString());
        Reply booked = http.post("/api/v1/bookings", json(Map.of("roomTypeId", roomType, "checkIn", today.toString(),
                "checkOut", today.plusDays(1).toString(), "guests", 1)), guest);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        reference = booked.json().path("reference").asString();
        Reply paid = http.post("/api/v1/bookings/" + booked.json().path("id").asString() + "/payments", json(Map.of("paymentToken", "tok_visa")),
                guest);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }

    @Test
    void a_clerk_logs_in_with_a_code_checks_in_todays_arrival_and_marks_the_room_clean_on_a_phone() {
        // Logging in: the console sends the anonymous visitor to the site's login, then the code step, then back.
        browser.open("/staff");
        assertThat(browser.path()).isEqualTo("/login?next=%2Fstaff");
        browser.fill("Email address", staffEmail).fill("Password", TestAccounts.PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/login/two-factor");
        browser.fill("Code from your app", Accounts.code(secret, 1)).press("Log in");
        assertThat(browser.path()).isEqualTo("/staff");
        assertThat(browser.title()).isEqualTo("Today - Staff - West Bethel Motel");
        browser.assertPageBars("staff-today");

        // Today, on a phone: the arrival's card, its one-click check-in, the status line naming guest and room.
        browser.atWidth(PHONE);
        assertFitsWidth("staff-today");
        WebElement arrival = card("arrivals", reference);
        assertThat(arrival.getText()).contains("Room " + roomNumber, "Kari Holm", "Confirmed").doesNotContain("Room not ready");
        browser.press(arrival.findElement(By.xpath(".//button[normalize-space(.)='Check in']")));
        assertThat(browser.path()).isEqualTo("/staff");
        assertThat(browser.text("[role=status]")).isEqualTo("Kari Holm checked in to room %s.".formatted(roomNumber));
        assertThat(card("inHouse", reference).getText()).contains("Checked in");
        assertFitsWidth("staff-today-after-check-in");
        assertThat(jdbc.sql("SELECT status FROM bookings WHERE reference = :reference").param("reference", reference).query(String.class).single())
                .isEqualTo("CHECKED_IN");

        // The guest leaves: the room is dirty, and housekeeping marks it clean.
        browser.press(card("inHouse", reference).findElement(By.xpath(".//button[normalize-space(.)='Check out']")));
        assertThat(browser.text("[role=status]")).contains("checked out of room " + roomNumber, "marked dirty");
        browser.atWidth(1280);
        browser.follow("Housekeeping");
        assertThat(browser.path()).isEqualTo("/staff/housekeeping");
        browser.assertPageBars("staff-housekeeping");
        browser.atWidth(PHONE);
        assertFitsWidth("staff-housekeeping");
        WebElement room = roomCard();
        assertThat(room.getText()).contains("Status: Dirty").doesNotContain("A guest is checked in");
        assertThat(button(room, "Dirty").getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(button(room, "Clean").getDomAttribute("aria-pressed")).isEqualTo("false");
        browser.press(button(room, "Clean"));
        assertThat(browser.path()).isEqualTo("/staff/housekeeping");
        assertThat(browser.text("[role=status]")).isEqualTo("Room %s is clean.".formatted(roomNumber));
        room = roomCard();
        assertThat(room.getText()).contains("Status: Clean");
        assertThat(button(room, "Clean").getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(button(room, "Dirty").getDomAttribute("aria-pressed")).isEqualTo("false");
        assertFitsWidth("staff-housekeeping-after-clean");
        String staffId = jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", staffEmail).query(String.class).single();
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'ROOM_HOUSEKEEPING_CHANGED' AND after_state LIKE '%" + roomNumber
                + "%' ORDER BY id DESC LIMIT 1").query(String.class).single()).isEqualTo("staff:" + staffId);
        browser.atWidth(1280);

        // Inventory: the room's type's rooms; out of service and back, a closure refused (ends before it starts) in an alert.
        browser.follow("Inventory");
        assertThat(browser.path()).isEqualTo("/staff/inventory");
        browser.follow("Rooms of the " + jdbc.sql("SELECT name FROM room_types WHERE id = CAST(:id AS uuid)").param("id", roomTypeId)
                .query(String.class).single());
        browser.assertPageBars("staff-inventory");
        browser.press(roomCard().findElement(By.xpath(".//button[normalize-space(.)='Take out of service']")));
        assertThat(browser.text("[role=status]")).isEqualTo("Room %s is out of service.".formatted(roomNumber));
        assertThat(roomCard().getText()).contains("Out of service");
        assertThat(jdbc.sql("SELECT in_service FROM rooms WHERE number = :number").param("number", roomNumber).query(Boolean.class).single()).isFalse();
        browser.press(roomCard().findElement(By.xpath(".//button[normalize-space(.)='Put back in service']")));
        assertThat(browser.text("[role=status]")).isEqualTo("Room %s is back in service.".formatted(roomNumber));
        roomCard().findElement(By.xpath(".//summary[normalize-space(.)='Close room %s for some nights']".formatted(roomNumber))).click();
        WebElement closure = roomCard().findElement(By.cssSelector("input[name=starts]"));
        browser.driver().executeScript("arguments[0].value = '2031-03-05'", closure);
        browser.driver().executeScript("arguments[0].value = '2031-03-02'", roomCard().findElement(By.cssSelector("input[name=ends]")));
        roomCard().findElement(By.cssSelector("input[name=reason]")).sendKeys("Painting");
        browser.press(roomCard().findElement(By.xpath(".//button[normalize-space(.)='Close room %s']".formatted(roomNumber))));
        assertThat(browser.text("[role=alert]")).contains("Could not close room " + roomNumber, "A closure ends after it starts.");
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'ROOM_IN_SERVICE' ORDER BY id DESC LIMIT 1").query(String.class).single())
                .isEqualTo("staff:" + staffId);
    }

    /** Nothing wider than the phone: the page never scrolls sideways. */
    private void assertFitsWidth(String page) {
        Number scrollWidth = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("the width %s takes at %d px", page, PHONE).isLessThanOrEqualTo(PHONE);
    }

    private WebElement card(String list, String bookingReference) {
        return browser.find("section[aria-labelledby='" + list + "-heading'] li[data-reference='" + bookingReference + "']");
    }

    private WebElement roomCard() {
        return browser.find("li[data-room='" + roomNumber + "']");
    }

    private static WebElement button(WebElement room, String label) {
        return room.findElement(By.xpath(".//button[normalize-space(.)='" + label + "']"));
    }

    private Reply logIn(String email, String password) {
        Reply reply = http.post("/api/v1/auth/login", json(Map.of("email", email, "password", password)));
        assertThat(reply.status()).as("login of " + email + ": " + reply.body()).isEqualTo(200);
        return reply;
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }
}
