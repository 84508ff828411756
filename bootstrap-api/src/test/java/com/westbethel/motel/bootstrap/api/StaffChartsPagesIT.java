package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The tape chart, report and dashboard pages over HTTP: who gets in (as for the rest of the console), and what a bad
 * request gets: a page saying what is wrong with a 4xx status, never a 500 and never a problem document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffChartsPagesIT extends AbstractApiIT {

    private static final List<String> PAGES = List.of("/staff/tape-chart", "/staff/reports", "/staff/dashboard");

    private SiteBrowser clerk() {
        SiteBrowser clerk = new SiteBrowser(port);
        String email = guests.verifiedGuest("charts-clerk");
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        clerk.logIn(email, Guests.PASSWORD);
        return clerk;
    }

    @Test
    void anonymous_visitors_log_in_first_guests_get_the_403_page_and_staff_get_the_pages() {
        SiteBrowser anonymous = new SiteBrowser(port);
        SiteBrowser guest = new SiteBrowser(port);
        guest.logIn(guests.verifiedGuest("charts-guest"), Guests.PASSWORD);
        SiteBrowser clerk = clerk();

        for (String page : PAGES) {
            Page sent = anonymous.get(page);
            assertThat(sent.status()).as(page).isEqualTo(302);
            assertThat(sent.location()).as(page).endsWith("/login?next=" + page.replace("/", "%2F"));
            assertThat(guest.get(page).status()).as(page).isEqualTo(403);
            Page shown = clerk.get(page);
            assertThat(shown.status()).as(page).isEqualTo(200);
            assertThat(shown.text()).as(page).contains("Tape chart", "Reports", "Dashboard");
        }
        assertThat(guest.get("/staff/reports/occupancy.csv?from=2030-02-01&to=2030-02-07").status()).isEqualTo(403);
        Page dashboard = clerk.get("/staff/dashboard");
        assertThat(dashboard.body()).contains("<svg class=\"spark-chart\" role=\"img\"");
        String motelZone = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(ZonedDateTime.now(ZoneId.of("America/New_York")));
        assertThat(dashboard.text()).as("the motel's clock, not UTC").containsPattern("Figures at \\d\\d:\\d\\d:\\d\\d " + motelZone);
    }

    @Test
    void a_bad_period_or_span_is_a_page_saying_what_is_wrong() {
        SiteBrowser clerk = clerk();

        Page unreadable = clerk.get("/staff/reports?from=2030-02-31&to=2030-03-01");
        Page reversed = clerk.get("/staff/reports?from=2030-03-01&to=2030-02-01");
        Page tooLong = clerk.get("/staff/reports?from=2030-01-01&to=2031-06-01");
        Page missing = clerk.get("/staff/reports?from=2030-01-01");
        Page badCsv = clerk.get("/staff/reports/occupancy.csv?from=2030-03-01&to=2030-02-01");
        Page tooManyDays = clerk.get("/staff/tape-chart?days=40");
        Page badDay = clerk.get("/staff/tape-chart?from=someday");

        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.text()).contains("There is a problem", "Enter the first night as a date, such as 2030-02-01.");
        assertThat(unreadable.inputValue("from")).as("what was typed is kept").contains("2030-02-31");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.text()).contains("There is a problem", "is before");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).contains("at most 366 nights");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("Enter the last night.");
        for (Page page : List.of(unreadable, reversed, tooLong, missing, badCsv, tooManyDays, badDay)) {
            assertThat(page.contentType()).startsWith("text/html");
        }
        assertThat(badCsv.status()).isEqualTo(400);
        assertThat(tooManyDays.status()).isEqualTo(400);
        assertThat(badDay.status()).isEqualTo(400);
    }

    @Test
    void the_report_downloads_as_the_apis_csv_and_a_move_needs_the_sessions_csrf_token() {
        SiteBrowser clerk = clerk();

        Page csv = clerk.get("/staff/reports/occupancy.csv?from=2030-02-01&to=2030-02-07");
        Page report = clerk.get("/staff/reports?from=2030-02-01&to=2030-02-07");
        Page refused = clerk.postExactly("/staff/bookings/" + UUID.randomUUID() + "/move", Map.of("roomNumber", "101"));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"occupancy-2030-02-01-2030-02-07.csv\"");
        assertThat(csv.body()).startsWith("\uFEFFrow,date,roomTypeId,roomType,").contains("\r\nday,2030-02-07,");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text()).contains("Sun 3 Feb 2030", "By room type", "Night by night", "Download these figures as CSV");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("This form has expired");
    }
}
