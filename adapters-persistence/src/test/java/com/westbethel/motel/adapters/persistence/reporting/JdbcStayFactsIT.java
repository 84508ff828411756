package com.westbethel.motel.adapters.persistence.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.reporting.OccupancyFigures;
import com.westbethel.motel.domain.reporting.OccupancyReport;
import com.westbethel.motel.domain.reporting.ReportPeriod;
import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-computed February 2030 (ReportOccupancyServiceTest tells it night by night) on a property of its own in the
 * real database: the report's three statements and the domain's arithmetic give 75 available, 8 sold, 878.00.
 * Q2 goes out of service through the inventory's own write, which keeps the history the report reads.
 */
class JdbcStayFactsIT {

    private static final LocalDate FEB_1 = LocalDate.of(2030, 2, 1);
    private static final LocalDate FEB_28 = LocalDate.of(2030, 2, 28);

    private final DataSource dataSource = TestDatabase.migrated();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcInventory inventory = new JdbcInventory(jdbc);
    private final JdbcStayFacts facts = new JdbcStayFacts(jdbc);
    private final PropertyId property = new PropertyId(UUID.randomUUID());
    private final String suffix = property.value().toString().substring(0, 6);
    private final RoomType queen = new RoomType(RoomTypeId.random(), property, "Queen", "", 2, usd("100.00"), List.of());
    private final RoomType king = new RoomType(RoomTypeId.random(), property, "King", "", 2, usd("130.00"), List.of());
    private final RoomId q1 = RoomId.random();
    private final RoomId q2 = RoomId.random();
    private final RoomId k1 = RoomId.random();

    @BeforeEach
    void aThreeRoomMotel() {
        inventory.addProperty(new Property(property, "Report Motel " + property, ZoneId.of("America/New_York"), Currency.getInstance("USD"),
                LocalTime.of(15, 0), LocalTime.of(11, 0), new CancellationPolicy(48)));
        inventory.addRoomType(queen);
        inventory.addRoomType(king);
        inventory.addRoom(q1, property, queen.id(), "Q1-" + suffix, 1);
        inventory.addRoom(q2, property, queen.id(), "Q2-" + suffix, 1);
        inventory.addRoom(k1, property, king.id(), "K1-" + suffix, 1);
    }

    @Test
    void february_2030_in_the_database_gives_the_hand_computed_figures() {
        inventory.addClosure(UUID.randomUUID(), k1, LocalDate.of(2030, 2, 10), LocalDate.of(2030, 2, 15), "carpets");
        inventory.setRoomInService(q2, false, LocalDate.of(2030, 2, 25));
        book(q1, queen, "CHECKED_OUT", LocalDate.of(2030, 1, 30), "0.00", Map.of("amount", "400.00", "refunded", "0.00"), "100.00", "100.00",
                "100.00", "100.00");
        book(q1, queen, "CONFIRMED", LocalDate.of(2030, 2, 5), "32.00", Map.of("amount", "288.00", "refunded", "0.00"), "100.00", "100.00", "120.00");
        book(k1, king, "CANCELLED", LocalDate.of(2030, 2, 16), "0.00", Map.of("amount", "300.00", "refunded", "150.00"), "150.00", "150.00");
        book(q2, queen, "NO_SHOW", LocalDate.of(2030, 2, 20), "0.00", Map.of("amount", "220.00", "refunded", "0.00"), "110.00", "110.00");
        book(k1, king, "CHECKED_IN", LocalDate.of(2030, 2, 26), "0.00", Map.of("amount", "520.00", "refunded", "0.00"), "130.00", "130.00",
                "130.00", "130.00");
        book(q2, queen, "PENDING_PAYMENT", LocalDate.of(2030, 2, 12), "0.00", Map.of(), "100.00");
        // A cancellation that was never paid keeps nothing.
        book(q1, queen, "CANCELLED", LocalDate.of(2030, 2, 14), "0.00", Map.of(), "100.00");

        OccupancyReport report = report(FEB_1, FEB_28);

        OccupancyFigures total = report.total();
        assertThat(List.of(total.roomNightsAvailable(), total.roomNightsSold(), total.roomNightsOutOfOrder())).containsExactly(75L, 8L, 9L);
        assertThat(total.revenue()).isEqualTo(usd("878.00"));
        assertThat(total.occupancy()).contains(new BigDecimal("0.1067"));
        assertThat(total.adr()).contains(usd("109.75"));
        assertThat(total.revpar()).contains(usd("11.71"));
        assertThat(total.retainedFees()).isEqualTo(usd("370.00"));
        OccupancyFigures queens = report.roomTypes().get(queen.id());
        assertThat(List.of(queens.roomNightsAvailable(), queens.roomNightsSold())).containsExactly(52L, 5L);
        assertThat(queens.revenue()).isEqualTo(usd("488.00"));
        assertThat(queens.revpar()).contains(usd("9.38"));
        OccupancyFigures kings = report.roomTypes().get(king.id());
        assertThat(List.of(kings.roomNightsAvailable(), kings.roomNightsSold())).containsExactly(23L, 3L);
        assertThat(kings.revpar()).contains(usd("16.96"));
        OccupancyFigures feb12 = report.days().get(LocalDate.of(2030, 2, 12));
        assertThat(List.of(feb12.roomNightsAvailable(), feb12.roomNightsSold())).containsExactly(2L, 0L);
        OccupancyFigures feb26 = report.days().get(LocalDate.of(2030, 2, 26));
        assertThat(feb26.revpar()).contains(usd("65.00"));
        assertThat(report.days().get(LocalDate.of(2030, 2, 6)).revenue()).as("B's second night, net of its share").isEqualTo(usd("90.00"));
    }

    @Test
    void taking_a_room_out_and_back_keeps_the_nights_it_was_out_and_nothing_else() {
        LocalDate march3 = LocalDate.of(2030, 3, 3);
        inventory.setRoomInService(q1, false, march3);
        inventory.setRoomInService(q1, false, march3.plusDays(1)); // already out: the period stays as it is
        inventory.setRoomInService(q1, true, march3.plusDays(2));
        inventory.setRoomInService(q2, false, march3.plusDays(2));
        inventory.setRoomInService(q2, true, march3.plusDays(2)); // back the same day: never out for a night

        assertThat(jdbc.sql("SELECT room_id, starts, ends FROM room_out_of_service WHERE room_id IN (:rooms) ORDER BY starts")
                .param("rooms", List.of(q1.value(), q2.value())).query().listOfRows())
                .singleElement().satisfies(row -> {
                    assertThat(row.get("room_id")).isEqualTo(q1.value());
                    assertThat(row.get("starts").toString()).isEqualTo("2030-03-03");
                    assertThat(row.get("ends").toString()).isEqualTo("2030-03-05");
                });
        assertThat(jdbc.sql("SELECT in_service FROM rooms WHERE id = :id").param("id", q1.value()).query(Boolean.class).single()).isTrue();
        OccupancyReport report = report(march3.minusDays(1), march3.plusDays(3));
        assertThat(report.days().values()).extracting(OccupancyFigures::roomNightsOutOfOrder).containsExactly(0L, 1L, 1L, 0L, 0L);
    }

    private OccupancyReport report(LocalDate from, LocalDate to) {
        ReportPeriod period = new ReportPeriod(from, to);
        return OccupancyReport.of(period, Currency.getInstance("USD"), facts.supply(property, period), facts.soldStays(property, period),
                facts.retainedFees(property, period));
    }

    /** A booking as the database holds it, with its payment when {@code payment} names an amount. */
    private void book(RoomId room, RoomType type, String status, LocalDate checkIn, String discount, Map<String, String> payment, String... rates) {
        List<String> nights = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0; i < rates.length; i++) {
            nights.add("{\"night\": \"%s\", \"rate\": \"%s\"}".formatted(checkIn.plusDays(i), rates[i]));
            subtotal = subtotal.add(new BigDecimal(rates[i]));
        }
        UUID booking = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO bookings (id, reference, property_id, guest_first_name, guest_last_name, guest_email, room_type_id, room_id,
                                              check_in, check_out, guests, currency, subtotal, discount, total, nightly_rates, status,
                                              hold_expires_at, created_at, updated_at)
                        VALUES (:id, :reference, :property, 'Ada', 'Lind', 'ada@example.com', :type, :room, :checkIn, :checkOut, 1, 'USD',
                                :subtotal, :discount, :total, CAST(:nights AS jsonb), :status, now(), now(), now())
                        """)
                .param("id", booking)
                .param("reference", "WB-" + booking.toString().substring(0, 8).toUpperCase())
                .param("property", property.value())
                .param("type", type.id().value())
                .param("room", room.value())
                .param("checkIn", checkIn)
                .param("checkOut", checkIn.plusDays(rates.length))
                .param("subtotal", subtotal)
                .param("discount", new BigDecimal(discount))
                .param("total", subtotal.subtract(new BigDecimal(discount)))
                .param("nights", "[" + String.join(", ", nights) + "]")
                .param("status", status)
                .update();
        if (!payment.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO payments (id, booking_id, amount, currency, status, refunded, created_at, completed_at)
                            VALUES (:id, :booking, :amount, 'USD', 'SUCCEEDED', :refunded, now(), now())
                            """)
                    .param("id", UUID.randomUUID()).param("booking", booking).param("amount", new BigDecimal(payment.get("amount")))
                    .param("refunded", new BigDecimal(payment.get("refunded")))
                    .update();
        }
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
