package com.westbethel.motel.bootstrap.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The console's planning pages in a real Chromium, for a clerk logged in with a TOTP code: the tape chart shows a guest's
 * stay as a bar in its room and moves it to the other room of its type; the occupancy report for the stay's week gives
 * the figures of the stay's room type; the live dashboard draws its figures and charts. Every page held to the bars.
 */
class StaffChartsIT extends AbstractStaffConsoleIT {

    /** What a person types into a date field in Chromium's en-US locale. */
    private static final DateTimeFormatter DATE_KEYS = DateTimeFormatter.ofPattern("MMddyyyy");

    String roomType;
    List<String> rooms;
    LocalDate checkIn;
    String bookingId;
    String reference;
    String bookedRoom;
    BigDecimal total;

    /** A room type of this test's own with two rooms, and a guest's paid two-night stay in one of them, three weeks on. */
    @BeforeEach
    void aStayInARoomTypeOfItsOwn() {
        ConsoleMotel.RoomType type = motel.roomType("Chart", "T", 2);
        roomType = type.name();
        rooms = type.rooms();
        checkIn = motel.today().plusDays(21);
        JsonNode booked = motel.paidStay(type, checkIn, 2);
        bookingId = booked.path("id").asString();
        reference = booked.path("reference").asString();
        bookedRoom = booked.path("roomNumber").asString();
        total = new BigDecimal(booked.path("total").path("amount").asString());
    }

    @Test
    void a_clerk_moves_a_stay_on_the_tape_chart_runs_the_report_for_its_week_and_opens_the_dashboard() {
        // The tape chart: the stay is a bar in its room, over its two nights, with the guest and status in words.
        clerk.logsIn(browser, "/staff/tape-chart");
        assertThat(browser.title()).isEqualTo("Tape chart - Staff - West Bethel Motel");
        browser.open("/staff/tape-chart?from=" + checkIn.minusDays(2) + "&days=14");
        assertThat(browser.findAll("thead th.tape-day")).hasSize(14);
        WebElement bar = bar(bookedRoom);
        assertThat(bar.getDomAttribute("colspan")).isEqualTo("2");
        assertThat(bar.getText()).contains("Kari Holm", "Confirmed");
        assertThat(row(bookedRoom).findElement(By.cssSelector(".tape-housekeeping")).getText()).isEqualTo("Clean");
        browser.assertPageBars("staff-tape-chart");

        // Moving: the bar leads to the rooms the stay can move to; the other room of the type is offered and taken.
        String otherRoom = rooms.get(0).equals(bookedRoom) ? rooms.get(1) : rooms.get(0);
        browser.open(bar.findElement(By.cssSelector("a.tape-label")).getDomAttribute("href"));
        assertThat(browser.text("#move")).contains("Move Kari Holm", reference);
        assertThat(browser.findAll("#move input[name=roomNumber]")).extracting(option -> option.getDomAttribute("value")).containsExactly(otherRoom);
        browser.assertPageBars("staff-tape-chart-move");
        browser.press("Move Kari Holm");
        assertThat(browser.path()).isEqualTo("/staff/tape-chart?from=" + checkIn.minusDays(2) + "&days=14");
        assertThat(browser.text("[role=status]")).isEqualTo("Kari Holm (%s) moved to room %s.".formatted(reference, otherRoom));
        assertThat(bar(otherRoom).getText()).contains("Kari Holm");
        assertThat(row(bookedRoom).findElements(By.cssSelector("td.tape-bar"))).isEmpty();
        assertThat(jdbc.sql("SELECT r.number FROM bookings b JOIN rooms r ON r.id = b.room_id WHERE b.reference = :reference")
                .param("reference", reference).query(String.class).single()).isEqualTo(otherRoom);
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'BOOKING_MOVED' AND entity_id = :booking ORDER BY id DESC LIMIT 1")
                .param("booking", bookingId).query(String.class).single()).isEqualTo(clerk.actor());

        // The report for the stay's week: a reversed period is the form again, saying so; then the week's figures.
        browser.follow("Reports");
        assertThat(browser.path()).isEqualTo("/staff/reports");
        browser.fill("First night", checkIn.plusDays(4).format(DATE_KEYS)).fill("Last night", checkIn.format(DATE_KEYS)).press("Run the report");
        assertThat(browser.text(".error-summary")).contains("There is a problem", "is before");
        assertThat(browser.value("First night")).isEqualTo(checkIn.plusDays(4).toString());
        browser.fill("First night", checkIn.minusDays(2).format(DATE_KEYS)).fill("Last night", checkIn.plusDays(4).format(DATE_KEYS))
                .press("Run the report");
        assertThat(browser.path()).isEqualTo("/staff/reports?from=%s&to=%s".formatted(checkIn.minusDays(2), checkIn.plusDays(4)));
        // 7 nights of 2 rooms, 2 of them sold for the booking's total.
        BigDecimal available = BigDecimal.valueOf(14);
        List<String> ourType = browser.find("#roomTypes").findElements(By.xpath(".//tr[th[normalize-space(.)='" + roomType + "']]/td"))
                .stream().map(WebElement::getText).toList();
        assertThat(ourType).containsExactly("14", "2", "0", "14.3%", dollars(total.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN)),
                dollars(total.divide(available, 2, RoundingMode.HALF_EVEN)), dollars(total), "$0.00");
        assertThat(browser.find("a[download]").getDomAttribute("href"))
                .isEqualTo("/staff/reports/occupancy.csv?from=%s&to=%s".formatted(checkIn.minusDays(2), checkIn.plusDays(4)));
        browser.assertPageBars("staff-reports");

        // The live dashboard: every figure named, four charts each with its text, and the refresh switch its script shows.
        browser.follow("Dashboard");
        assertThat(browser.path()).isEqualTo("/staff/dashboard");
        assertThat(browser.findAll(".figure dt")).extracting(WebElement::getText).containsExactly("Active users", "Active sessions",
                "Requests per second", "Average response time", "Error rate", "Database connections in use", "Cache hit ratio",
                "Bookings in the last hour", "Revenue today");
        List<WebElement> charts = browser.findAll("svg.spark-chart[role=img]");
        assertThat(charts).hasSize(4);
        for (WebElement chart : charts) {
            String summary = browser.find("#" + chart.getDomAttribute("aria-labelledby")).getText();
            assertThat(summary).contains("last 60 minutes");
        }
        assertThat(browser.find("#auto-refresh").isSelected()).as("the script ran under the site's content security policy").isTrue();
        assertThat(browser.find(".dashboard-refresh").isDisplayed()).isTrue();
        assertThat(browser.find("#refresh-paused").isDisplayed()).as("shown only once an unattended screen is sent to log in").isFalse();
        browser.assertPageBars("staff-dashboard");
    }

    private WebElement row(String room) {
        return browser.find("tr[data-room='" + room + "']");
    }

    private WebElement bar(String room) {
        return row(room).findElement(By.cssSelector("td.tape-bar"));
    }

    private static String dollars(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
