package com.westbethel.motel.bootstrap.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventoryEdits;
import com.westbethel.motel.bootstrap.api.site.NoScriptBrowser.Page;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.RoomId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The search page ({@code /}) of the seeded West Bethel Motel, as a browser without JavaScript sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SearchPageIT {

    private static final ZoneId MOTEL = ZoneId.of("America/New_York");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcInventory inventory;

    @Autowired
    JdbcInventoryEdits edits;

    NoScriptBrowser browser;
    LocalDate checkIn;
    final List<UUID> closures = new ArrayList<>();

    @BeforeEach
    void openTheSite() {
        browser = new NoScriptBrowser(port);
        // Within the calendar's two years, different each run, so earlier runs' bookings in the kept database do not matter;
        // early in its month, so that the week after it is in the same month's calendar.
        checkIn = YearMonth.now(MOTEL).plusMonths(7 + ThreadLocalRandom.current().nextInt(12)).atDay(2 + ThreadLocalRandom.current().nextInt(10));
    }

    @AfterEach
    void reopenClosedRooms() {
        // Through the writer, which tells the cache: a row deleted behind its back left those nights sold out in it for five
        // minutes, and a later test searching them saw its room type without a book button.
        closures.forEach(id -> edits.closure(id).ifPresent(edits::removeClosure));
    }

    @Test
    void the_landing_page_has_the_search_form_and_this_months_calendar_and_no_results() {
        Page page = browser.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().title()).isEqualTo("Book a room – West Bethel Motel");
        Element form = page.form("form.search-form");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.select("label[for=checkIn]").text()).isEqualTo("Check-in");
        assertThat(form.selectFirst("#checkIn").attr("type")).isEqualTo("date");
        assertThat(form.selectFirst("#checkOut").attr("type")).isEqualTo("date");
        assertThat(form.selectFirst("#guests").val()).isEqualTo("2");
        assertThat(page.html().selectFirst("table.price-calendar caption").text())
                .isEqualTo(YearMonth.now(MOTEL).getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + YearMonth.now(MOTEL).getYear());
        assertThat(page.html().select(".calendar-nav a[rel=prev]")).as("nothing before this month").isEmpty();
        assertThat(page.html().select(".calendar-nav a[rel=next]")).hasSize(1);
        assertThat(page.html().select("td.night--free a.night-link")).as("the motel has free nights this month or it is its last day").isNotEmpty()
                .allSatisfy(night -> assertThat(night.selectFirst(".night-price").text()).matches("\\$\\d+(\\.\\d\\d)?"));
        assertThat(page.html().select("#results")).isEmpty();
        assertThat(page.html().select("script[src]")).extracting(script -> script.attr("src"))
                .anySatisfy(src -> assertThat(src).matches("/site/calendar(-[0-9a-f]+)?\\.js"));
        assertThat(page.html().select("script:not([src])")).as("no inline script").isEmpty();
    }

    @Test
    void a_search_shows_each_room_type_priced_night_by_night_and_the_total_is_the_apis_price() {
        Page page = search(checkIn, checkIn.plusDays(3), "2", "");

        assertThat(page.status()).isEqualTo(200);
        List<Element> offers = page.html().select("article.offer");
        // The seeded motel's types (other tests add types of their own to the kept test database).
        assertThat(offers).extracting(offer -> offer.selectFirst("h3").text()).contains("Queen Room", "King Room", "Double Queen", "Family Suite");
        Element queen = offer(page, "Queen Room");
        assertThat(queen.select("table.nightly tbody tr")).hasSize(3);
        assertThat(queen.selectFirst(".offer-facts").text()).startsWith("Sleeps 2");
        String total = queen.selectFirst("tr.total td").text();
        assertThat(sum(queen.select("table.nightly tbody td"))).isEqualTo(total);
        String apiTotal = jsonTotal("Queen Room", checkIn, checkIn.plusDays(3));
        assertThat(total).isEqualTo("$" + apiTotal);
        assertThat(queen.selectFirst(".policy").text()).startsWith("Free cancellation until 3:00 PM")
                .endsWith("after that, cancelling keeps the first night (" + queen.selectFirst("table.nightly tbody td").text()
                        + ") and refunds the rest.");
        Element book = queen.selectFirst("form.book-form");
        assertThat(book.attr("action")).isEqualTo("/book");
        assertThat(book.attr("method")).isEqualTo("get");
        assertThat(book.selectFirst("input[name=checkIn]").val()).isEqualTo(checkIn.toString());
        assertThat(book.selectFirst("input[name=checkOut]").val()).isEqualTo(checkIn.plusDays(3).toString());
        assertThat(book.selectFirst("input[name=guests]").val()).isEqualTo("2");
        assertThat(book.selectFirst("button").text()).isEqualTo("Book the Queen Room for " + total);
        assertThat(page.html().select("td.night--chosen")).as("the stay's nights in the calendar").hasSizeBetween(1, 3);
    }

    @Test
    void a_promotion_code_is_priced_in_and_a_wrong_one_is_told_beside_its_field_keeping_the_results() {
        String code = "SITE" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        inventory.addPromotion(new Promotion(UUID.randomUUID(), code, Promotion.Kind.PERCENT, BigDecimal.TEN, checkIn, checkIn.plusDays(1),
                Optional.empty(), 1, 1));
        Page welcome = search(checkIn, checkIn.plusDays(3), "2", code.toLowerCase(Locale.ROOT));
        Page wrong = search(checkIn, checkIn.plusDays(3), "2", "NOSUCHCODE");

        assertThat(welcome.status()).isEqualTo(200);
        Element queen = offer(welcome, "Queen Room");
        assertThat(queen.select("tfoot tr").eachText()).anySatisfy(row -> assertThat(row).startsWith("Code " + code + " −$"));
        assertThat(queen.selectFirst("input[name=promoCode]").val()).isEqualTo(code);
        assertThat(welcome.html().selectFirst("#results").text()).contains("Prices include the code " + code + ".");
        assertThat(queen.selectFirst("tr.total td").text()).isNotEqualTo(offer(wrong, "Queen Room").selectFirst("tr.total td").text());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorFor("promoCode")).isEqualTo("There is no promotion code NOSUCHCODE.");
        assertThat(wrong.html().selectFirst("#promoCode").val()).as("what the guest typed").isEqualTo("NOSUCHCODE");
        assertThat(wrong.html().selectFirst("#promoCode").attr("aria-describedby")).isEqualTo("promoCode-error");
        assertThat(wrong.html().select(".error-summary a[href=#promoCode]")).hasSize(1);
        assertThat(offer(wrong, "Queen Room").select("input[name=promoCode]")).as("the book button carries no refused code").isEmpty();
    }

    @Test
    void bad_dates_and_party_are_told_beside_their_fields_and_what_was_typed_stays() {
        Page empty = search(null, null, "2", "");
        Page backwards = search(checkIn, checkIn.minusDays(2), "2", "");
        Page past = search(LocalDate.now(MOTEL).minusDays(3), LocalDate.now(MOTEL).plusDays(1), "2", "");
        Page nobody = browser.get("/?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(1) + "&guests=zero");
        Page garbled = browser.get("/?checkIn=tomorrow&checkOut=" + checkIn.plusDays(1));

        assertThat(List.of(empty, backwards, past, nobody, garbled)).allSatisfy(page -> {
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.html().select("#results")).isEmpty();
            assertThat(page.html().select(".error-summary")).hasSize(1);
        });
        assertThat(empty.errorFor("checkIn")).isEqualTo("Enter a check-in date.");
        assertThat(empty.errorFor("checkOut")).isEqualTo("Enter a check-out date.");
        assertThat(backwards.errorFor("checkOut")).isEqualTo("The check-out date must be after the check-in date.");
        assertThat(backwards.html().selectFirst("#checkOut").val()).isEqualTo(checkIn.minusDays(2).toString());
        assertThat(past.errorFor("checkIn")).contains("is in the past");
        assertThat(nobody.errorFor("guests")).isEqualTo("Enter the number of guests, from 1 to 20.");
        assertThat(nobody.html().selectFirst("#guests").val()).isEqualTo("zero");
        assertThat(garbled.errorFor("checkIn")).isEqualTo("Enter the check-in date as year-month-day, like 2027-07-01.");
        assertThat(garbled.html().selectFirst("#checkIn").val()).isEqualTo("tomorrow");
    }

    @Test
    void a_sold_out_room_type_says_so_without_a_book_button_and_a_night_with_nothing_free_is_full_in_the_calendar() {
        closeRooms(jdbc.sql("SELECT r.id FROM rooms r JOIN room_types t ON t.id = r.room_type_id WHERE t.name = 'Queen Room'")
                .query(UUID.class).list(), checkIn, checkIn.plusDays(2));
        closeRooms(jdbc.sql("SELECT id FROM rooms").query(UUID.class).list(), checkIn.plusDays(5), checkIn.plusDays(6));

        Page page = search(checkIn, checkIn.plusDays(2), "2", "");

        Element queen = offer(page, "Queen Room");
        assertThat(queen.selectFirst(".notice").text()).isEqualTo("Sold out for these dates.");
        assertThat(queen.select("form.book-form")).isEmpty();
        assertThat(offer(page, "King Room").select("form.book-form")).hasSize(1);
        Element full = page.html().selectFirst("td[data-date=" + checkIn.plusDays(5) + "]");
        assertThat(full.classNames()).contains("night--full");
        assertThat(full.select("a")).isEmpty();
        assertThat(full.text()).contains("no room free");
        Element free = page.html().selectFirst("td[data-date=" + checkIn.plusDays(6) + "]");
        assertThat(free.classNames()).contains("night--free");
        assertThat(free.selectFirst("a").attr("href")).contains("checkIn=" + checkIn.plusDays(6));
    }

    @Test
    void the_calendar_pages_through_months_keeping_the_search_and_refuses_months_out_of_reach() {
        YearMonth next = YearMonth.now(MOTEL).plusMonths(1);
        Page nextMonth = browser.get(browser.get("/?guests=3").html().selectFirst(".calendar-nav a[rel=next]").attr("href"));
        Page tooFar = browser.get("/?month=" + YearMonth.now(MOTEL).plusMonths(30));
        Page nonsense = browser.get("/?month=soon");

        assertThat(nextMonth.status()).isEqualTo(200);
        assertThat(nextMonth.html().selectFirst("table.price-calendar caption").text()).endsWith(String.valueOf(next.getYear()));
        assertThat(nextMonth.html().selectFirst("#guests").val()).isEqualTo("3");
        assertThat(nextMonth.html().select(".calendar-nav a[rel=prev]")).hasSize(1);
        assertThat(nextMonth.html().selectFirst("#calendar-hint").text()).contains("for 3 guests");
        assertThat(tooFar.html().selectFirst("#calendar .field-error").text()).startsWith("The calendar shows up to ");
        assertThat(nonsense.html().selectFirst("#calendar .field-error").text()).isEqualTo("There is no month soon; here is this month.");
    }

    private Page search(LocalDate in, LocalDate out, String guests, String code) {
        Page landing = browser.get("/");
        return browser.submit(landing.form("form.search-form"), Map.of("checkIn", in == null ? "" : in.toString(), "checkOut",
                out == null ? "" : out.toString(), "guests", guests, "promoCode", code));
    }

    private static Element offer(Page page, String name) {
        return page.html().select("article.offer").stream().filter(offer -> offer.selectFirst("h3").text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " offered"));
    }

    private static String sum(List<Element> amounts) {
        BigDecimal total = amounts.stream().map(SearchPageIT::dollars).reduce(BigDecimal.ZERO, BigDecimal::add);
        return "$" + String.format(Locale.US, "%,.2f", total);
    }

    private static BigDecimal dollars(Element amount) {
        return new BigDecimal(amount.text().replace("$", "").replace(",", ""));
    }

    /** The total the JSON API quotes for the stay: the page must show the same. */
    private String jsonTotal(String name, LocalDate in, LocalDate out) {
        JsonNode offers = JSON.readTree(browser.get("/api/v1/availability?checkIn=" + in + "&checkOut=" + out + "&guests=2").body())
                .path("roomTypes");
        for (JsonNode offer : offers) {
            if (offer.path("name").asString().equals(name)) {
                return String.format(Locale.US, "%,.2f", new BigDecimal(offer.path("total").path("amount").asString()));
            }
        }
        throw new AssertionError("the API offers no " + name);
    }

    private void closeRooms(List<UUID> rooms, LocalDate from, LocalDate until) {
        for (UUID room : rooms) {
            UUID closure = UUID.randomUUID();
            inventory.addClosure(closure, new RoomId(room), from, until, "site test");
            closures.add(closure);
        }
    }
}
