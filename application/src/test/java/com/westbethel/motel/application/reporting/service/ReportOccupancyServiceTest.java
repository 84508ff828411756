package com.westbethel.motel.application.reporting.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase.Occupancy;
import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase.RoomTypeLine;
import com.westbethel.motel.application.reporting.service.InMemoryStayFacts.Booked;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.reporting.OccupancyFigures;
import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hand-computed month: February 2030 at a three-room motel (Queen Q1, Q2; King K1). K1 is closed 10-14 February (5
 * nights), Q2 out of service from 25 February (4 nights). A: Q1 checked out, 30 Jan - 3 Feb at 100 (2 nights in the month,
 * 200.00). B: Q1 confirmed, 5-8 Feb at 100/100/120 less 10 % (32.00) = 90 + 90 + 108 = 288.00. C: K1 cancelled late, paid
 * 300, refunded 150 (150.00 kept). D: Q2 no-show, paid 220 (kept). E: K1 checked in, 26 Feb - 2 Mar at 130 (3 nights in
 * the month, 390.00). F: Q2 held, not paid, 12 Feb. Expected: 3 x 28 - 5 - 4 = 75 available, 2 + 3 + 3 = 8 sold, revenue
 * 878.00, occupancy 8/75 = 0.1067, ADR 878/8 = 109.75, RevPAR 878/75 = 11.7067 = 11.71; 9 out of order; 370.00 kept.
 */
class ReportOccupancyServiceTest {

    static final LocalDate FEB_1 = LocalDate.of(2030, 2, 1);
    static final LocalDate FEB_28 = LocalDate.of(2030, 2, 28);

    private final InMemoryStayFacts motel = new InMemoryStayFacts();
    private final ReportOccupancyService reports = new ReportOccupancyService(motel, motel);
    private final PropertyId property = new PropertyId(java.util.UUID.randomUUID());
    private final RoomType queen = new RoomType(RoomTypeId.random(), property, "Queen", "", 2, usd("100.00"), List.of());
    private final RoomType king = new RoomType(RoomTypeId.random(), property, "King", "", 2, usd("130.00"), List.of());

    @Test
    void february_2030_gives_the_hand_computed_figures() {
        theMonth();

        Occupancy report = succeeded(reports.occupancy(FEB_1, FEB_28));

        OccupancyFigures total = report.report().total();
        assertThat(total.roomNightsAvailable()).isEqualTo(75);
        assertThat(total.roomNightsSold()).isEqualTo(8);
        assertThat(total.roomNightsOutOfOrder()).isEqualTo(9);
        assertThat(total.revenue()).isEqualTo(usd("878.00"));
        assertThat(total.occupancy()).contains(new BigDecimal("0.1067"));
        assertThat(total.adr()).contains(usd("109.75"));
        assertThat(total.revpar()).contains(usd("11.71"));
        assertThat(total.retainedFees()).isEqualTo(usd("370.00"));

        assertThat(report.roomTypes()).extracting(RoomTypeLine::name).containsExactly("King", "Queen");
        OccupancyFigures queens = report.roomTypes().get(1).figures();
        assertThat(queens.roomNightsAvailable()).isEqualTo(52);
        assertThat(queens.roomNightsSold()).isEqualTo(5);
        assertThat(queens.revenue()).isEqualTo(usd("488.00"));
        assertThat(queens.occupancy()).contains(new BigDecimal("0.0962"));
        assertThat(queens.adr()).contains(usd("97.60"));
        assertThat(queens.revpar()).contains(usd("9.38"));
        OccupancyFigures kings = report.roomTypes().get(0).figures();
        assertThat(kings.roomNightsAvailable()).isEqualTo(23);
        assertThat(kings.roomNightsSold()).isEqualTo(3);
        assertThat(kings.revenue()).isEqualTo(usd("390.00"));
        assertThat(kings.occupancy()).contains(new BigDecimal("0.1304"));
        assertThat(kings.adr()).contains(usd("130.00"));
        assertThat(kings.revpar()).contains(usd("16.96"));

        assertThat(report.report().days()).hasSize(28);
        OccupancyFigures feb1 = report.report().days().get(FEB_1);
        assertThat(List.of(feb1.roomNightsAvailable(), feb1.roomNightsSold())).containsExactly(3L, 1L);
        assertThat(feb1.revenue()).isEqualTo(usd("100.00"));
        OccupancyFigures feb12 = report.report().days().get(LocalDate.of(2030, 2, 12));
        assertThat(List.of(feb12.roomNightsAvailable(), feb12.roomNightsSold())).as("F only held; K1 closed").containsExactly(2L, 0L);
        assertThat(feb12.adr()).as("no night sold: no ADR").isEmpty();
        OccupancyFigures feb26 = report.report().days().get(LocalDate.of(2030, 2, 26));
        assertThat(List.of(feb26.roomNightsAvailable(), feb26.roomNightsSold())).containsExactly(2L, 1L);
        assertThat(feb26.revenue()).isEqualTo(usd("130.00"));
        assertThat(feb26.occupancy()).contains(new BigDecimal("0.5000"));
        assertThat(feb26.revpar()).contains(usd("65.00"));
        assertThat(report.report().days().get(LocalDate.of(2030, 2, 16)).retainedFees()).as("C's fee on its first night").isEqualTo(usd("150.00"));
    }

    @Test
    void a_part_of_a_stay_takes_its_nights_share_of_the_discount_and_the_parts_add_up_to_the_stay() {
        theMonth();

        Money firstTwo = succeeded(reports.occupancy(LocalDate.of(2030, 2, 5), LocalDate.of(2030, 2, 6))).report().total().revenue();
        Money last = succeeded(reports.occupancy(LocalDate.of(2030, 2, 7), LocalDate.of(2030, 2, 7))).report().total().revenue();

        assertThat(firstTwo).isEqualTo(usd("180.00"));
        assertThat(last).isEqualTo(usd("108.00"));
    }

    @Test
    void a_period_is_named_by_its_field_when_missing_reversed_or_longer_than_366_nights() {
        theMonth();

        assertThat(refusal(reports.occupancy(null, FEB_28)).field()).isEqualTo("from");
        assertThat(refusal(reports.occupancy(FEB_1, null)).field()).isEqualTo("to");
        Refusal reversed = refusal(reports.occupancy(FEB_28, FEB_1));
        assertThat(reversed.field()).isEqualTo("to");
        assertThat(reversed.reason()).contains("before");
        assertThat(refusal(reports.occupancy(FEB_1, FEB_1.plusDays(366))).reason()).contains("366");
        assertThat(succeeded(reports.occupancy(FEB_1, FEB_1.plusDays(365))).report().days()).hasSize(366);
        assertThat(succeeded(reports.occupancy(FEB_1, FEB_1)).report().days()).hasSize(1);
    }

    @Test
    void an_empty_motel_has_no_ratio_to_give_and_a_motel_not_set_up_is_not_found() {
        assertThat(refusal(reports.occupancy(FEB_1, FEB_28)).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);

        motel.add(motelProperty());
        OccupancyFigures nothing = succeeded(reports.occupancy(FEB_1, FEB_28)).report().total();

        assertThat(nothing.roomNightsAvailable()).isZero();
        assertThat(nothing.occupancy()).isEmpty();
        assertThat(nothing.adr()).isEmpty();
        assertThat(nothing.revpar()).isEmpty();
        assertThat(nothing.revenue()).isEqualTo(usd("0.00"));
    }

    private void theMonth() {
        motel.add(motelProperty());
        motel.add(queen);
        motel.add(king);
        RoomId q1 = motel.room(queen.id());
        RoomId q2 = motel.room(queen.id());
        RoomId k1 = motel.room(king.id());
        motel.close(k1, LocalDate.of(2030, 2, 10), LocalDate.of(2030, 2, 15));
        motel.outOfService(q2, LocalDate.of(2030, 2, 25), null);
        Money none = usd("0.00");
        motel.book(new Booked(queen.id(), BookingStatus.CHECKED_OUT, nights(LocalDate.of(2030, 1, 30), "100.00", "100.00", "100.00", "100.00"), none,
                Optional.of(usd("400.00")), none));
        motel.book(new Booked(queen.id(), BookingStatus.CONFIRMED, nights(LocalDate.of(2030, 2, 5), "100.00", "100.00", "120.00"), usd("32.00"),
                Optional.of(usd("288.00")), none));
        motel.book(new Booked(king.id(), BookingStatus.CANCELLED, nights(LocalDate.of(2030, 2, 16), "150.00", "150.00"), none,
                Optional.of(usd("300.00")), usd("150.00")));
        motel.book(new Booked(queen.id(), BookingStatus.NO_SHOW, nights(LocalDate.of(2030, 2, 20), "110.00", "110.00"), none,
                Optional.of(usd("220.00")), none));
        motel.book(new Booked(king.id(), BookingStatus.CHECKED_IN, nights(LocalDate.of(2030, 2, 26), "130.00", "130.00", "130.00", "130.00"), none,
                Optional.of(usd("520.00")), none));
        motel.book(new Booked(queen.id(), BookingStatus.PENDING_PAYMENT, nights(LocalDate.of(2030, 2, 12), "100.00"), none, Optional.empty(), none));
    }

    private Property motelProperty() {
        return new Property(property, "Test Motel", ZoneId.of("America/New_York"), Currency.getInstance("USD"), LocalTime.of(15, 0),
                LocalTime.of(11, 0), new CancellationPolicy(48));
    }

    static List<NightlyRate> nights(LocalDate first, String... rates) {
        List<NightlyRate> nights = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            nights.add(new NightlyRate(first.plusDays(i), usd(rates[i])));
        }
        return nights;
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static <T> T succeeded(Outcome<T> outcome) {
        return outcome.fold(value -> value, refusal -> {
            throw new AssertionError("refused: " + refusal);
        });
    }

    private static Refusal refusal(Outcome<?> outcome) {
        return outcome.fold(value -> {
            throw new AssertionError("not refused: " + value);
        }, refusal -> refusal);
    }
}
