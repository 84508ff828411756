package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.Availability;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase.PriceCalendar;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code /}: the search form, the month's price calendar and, once dates are given, what is free and what it costs.
 * Everything is in the query string (GET), so it works without JavaScript and a search can be shared.
 */
@Controller
class SearchPageController {

    private final SearchAvailabilityUseCase search;
    private final ViewPriceCalendarUseCase calendar;

    SearchPageController(SearchAvailabilityUseCase search, ViewPriceCalendarUseCase calendar) {
        this.search = search;
        this.calendar = calendar;
    }

    @GetMapping("/")
    String search(@ModelAttribute("form") SearchForm form, BindingResult errors, Model model, HttpServletResponse response) {
        Optional<SearchForm.Query> query = form.asksForStay() ? form.query(errors) : Optional.empty();
        if (query.isPresent()) {
            SearchForm.Query asked = query.get();
            Outcome<Availability> found = search.search(asked.checkIn(), asked.checkOut(), asked.guests(), asked.promoCode());
            if (found instanceof Outcome.Refused<Availability> refused) {
                reject(refused.refusal(), errors);
                query = Optional.empty();
            } else {
                Availability availability = ((Outcome.Success<Availability>) found).value();
                availability.promotionRefused().ifPresent(reason -> errors.rejectValue("promoCode", "refused", reason));
                model.addAttribute("results", ResultsView.of(availability, asked.guests()));
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        addCalendar(model, form, query);
        return "site/booking/search";
    }

    /** The month asked for, else the searched stay's, else the motel's current one; a month out of reach falls back to the current. */
    private void addCalendar(Model model, SearchForm form, Optional<SearchForm.Query> stay) {
        int party = stay.map(SearchForm.Query::guests).orElseGet(form::partyOrDefault);
        Optional<YearMonth> asked = form.calendarMonth();
        if (asked.isEmpty() && !form.getMonth().isEmpty()) {
            model.addAttribute("calendarNotice", "There is no month " + form.getMonth() + "; here is this month.");
        }
        Outcome<PriceCalendar> shown = calendar.calendar(asked.isPresent() ? asked : stay.map(query -> YearMonth.from(query.checkIn())), party);
        if (shown instanceof Outcome.Refused<PriceCalendar> refused) {
            if (asked.isPresent()) {
                model.addAttribute("calendarNotice", refused.refusal().reason());
            }
            shown = calendar.calendar(Optional.empty(), party);
        }
        if (shown instanceof Outcome.Success<PriceCalendar> found) {
            model.addAttribute("calendar", CalendarView.of(found.value(), form, stay));
        } else {
            model.addAttribute("calendarNotice", ((Outcome.Refused<PriceCalendar>) shown).refusal().reason());
        }
    }

    /** A refusal of the stay beside the field it names; one naming no field is said at the top of the form. */
    private static void reject(Refusal refusal, BindingResult errors) {
        if (refusal.kind() == Refusal.Kind.INVALID && refusal.field() != null) {
            errors.rejectValue(refusal.field(), "refused", refusal.reason());
        } else {
            errors.reject("refused", refusal.reason());
        }
    }
}
