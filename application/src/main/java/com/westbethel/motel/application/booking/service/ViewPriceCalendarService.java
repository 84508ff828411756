package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A month of nights for a party: free or full, and the lowest nightly rate of the room types that sleep the party
 * and have a room that night. Four queries whatever the month's length (the property, its room types, the rate
 * plans and the free rooms night by night); each night is priced by {@link StayPricing}, as a booking would be.
 */
public class ViewPriceCalendarService implements ViewPriceCalendarUseCase {

    private final Inventory inventory;
    private final Clock clock;

    public ViewPriceCalendarService(Inventory inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public Outcome<PriceCalendar> calendar(Optional<YearMonth> asked, int guests) {
        Optional<Property> found = inventory.defaultProperty();
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel is not set up yet."));
        }
        Property property = found.get();
        if (guests < 1) {
            return Outcome.invalid("guests", "A booking is for at least one guest.");
        }
        LocalDate today = property.today(clock);
        YearMonth current = YearMonth.from(today);
        YearMonth last = current.plusMonths(MONTHS_AHEAD);
        YearMonth month = asked.orElse(current);
        if (month.isBefore(current)) {
            return Outcome.invalid("month", "%s is over; the calendar starts at %s.".formatted(month, current));
        }
        if (month.isAfter(last)) {
            return Outcome.invalid("month", "The calendar shows up to %s.".formatted(last));
        }
        LocalDate first = month.atDay(1);
        LocalDate end = month.atEndOfMonth().plusDays(1);
        // Past nights are answered without asking the database: from today on only.
        Stay bookable = new Stay(first.isBefore(today) ? today : first, end);
        List<RoomType> sleepingTheParty = inventory.roomTypes(property.id()).stream().filter(type -> type.maxOccupancy() >= guests).toList();
        List<RatePlan> ratePlans = sleepingTheParty.isEmpty() ? List.of() : inventory.ratePlans(property.id(), bookable);
        Map<LocalDate, Map<RoomTypeId, Integer>> free = sleepingTheParty.isEmpty() ? Map.of()
                : inventory.freeRoomsPerNight(property.id(), bookable);
        List<Night> nights = new ArrayList<>(month.lengthOfMonth());
        for (LocalDate date = first; date.isBefore(end); date = date.plusDays(1)) {
            nights.add(date.isBefore(today) ? new Night(date, NightStatus.PAST, Optional.empty(), 1)
                    : night(date, sleepingTheParty, ratePlans, free.getOrDefault(date, Map.of())));
        }
        return Outcome.success(new PriceCalendar(month, guests, today, current, last, nights));
    }

    private static Night night(LocalDate date, List<RoomType> types, List<RatePlan> ratePlans, Map<RoomTypeId, Integer> freeThatNight) {
        return types.stream()
                .filter(type -> freeThatNight.getOrDefault(type.id(), 0) > 0)
                .map(type -> StayPricing.quote(type, ratePlans, Stay.of(date, 1)))
                .min(Comparator.comparing(StayQuote::firstNight))
                .map(cheapest -> new Night(date, NightStatus.FREE, Optional.of(cheapest.firstNight()), cheapest.minimumStay()))
                .orElseGet(() -> new Night(date, NightStatus.FULL, Optional.empty(), 1));
    }
}
