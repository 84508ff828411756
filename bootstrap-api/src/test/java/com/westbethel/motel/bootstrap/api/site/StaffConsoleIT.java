package com.westbethel.motel.bootstrap.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The staff console in a real Chromium: a member of staff enrolled in two-factor login logs in through the site's login
 * and its code step, checks in today's arrival on /staff, and marks the room clean on /staff/housekeeping after checking
 * the guest out; both pages held to the quality bars, and used at 390 px, where nothing scrolls sideways.
 */
class StaffConsoleIT extends AbstractStaffConsoleIT {

    private static final int PHONE = 390;

    String roomNumber;
    String roomTypeId;
    String reference;

    /** A room type and room of this test's own, and a guest's paid booking arriving today. */
    @BeforeEach
    void todaysArrivalInARoomOfItsOwn() {
        ConsoleMotel.RoomType roomType = motel.roomType("Console", "C", 1);
        roomNumber = roomType.rooms().get(0);
        roomTypeId = roomType.id();
        reference = motel.paidStay(roomType, motel.today(), 1).path("reference").asString();
    }

    @Test
    void a_clerk_logs_in_with_a_code_checks_in_todays_arrival_and_marks_the_room_clean_on_a_phone() {
        // Logging in: the console sends the anonymous visitor to the site's login, then the code step, then back.
        clerk.logsIn(browser, "/staff");
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
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'ROOM_HOUSEKEEPING_CHANGED' AND after_state LIKE '%" + roomNumber
                + "%' ORDER BY id DESC LIMIT 1").query(String.class).single()).isEqualTo(clerk.actor());
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
                .isEqualTo(clerk.actor());
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
}
