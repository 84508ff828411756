package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.SearchBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.Page;
import com.westbethel.motel.application.booking.port.out.BookingSearch;
import com.westbethel.motel.application.booking.port.out.Inventory;
import java.util.Locale;

/** The front desk's booking search: the term checked and normalised here, matched by the adapter (on indexes). */
public class SearchBookingsService implements SearchBookingsUseCase {

    private final BookingSearch search;
    private final BookingViews views;

    public SearchBookingsService(BookingSearch search, Inventory inventory, BookingSettings settings) {
        this.search = search;
        this.views = new BookingViews(inventory, settings);
    }

    @Override
    public Outcome<Page<BookingView>> search(Actor staff, String query, int page, int size) {
        if (!staff.isStaff()) {
            return Outcome.refused(Refusal.notFound("The booking search is the front desk's."));
        }
        // Runs of spaces count as one, so that "Mia  Holm" finds what "Mia Holm" does.
        String term = query == null ? "" : query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (term.isEmpty()) {
            return Outcome.invalid("query", "Enter a booking reference, or the start of the guest's email address or name.");
        }
        if (term.length() > MAX_QUERY_LENGTH || term.chars().anyMatch(Character::isISOControl)) {
            return Outcome.invalid("query", "A search is at most %d characters, without control characters.".formatted(MAX_QUERY_LENGTH));
        }
        if (page < 0) {
            return Outcome.invalid("page", "Pages are numbered from 0.");
        }
        if (size < 1 || size > ViewBookingsUseCase.MAX_PAGE_SIZE) {
            return Outcome.invalid("size", "A page holds 1 to %d bookings.".formatted(ViewBookingsUseCase.MAX_PAGE_SIZE));
        }
        return Outcome.success(new Page<>(search.find(term, page, size).stream().map(views::of).toList(), page, size, search.count(term)));
    }
}
