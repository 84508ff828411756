package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.adapters.web.reporting.OccupancyCsv;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase;
import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase.Occupancy;
import com.westbethel.motel.domain.reporting.OccupancyFigures;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /staff/reports}: a GET form of two dates, answered with the occupancy report (USALI occupancy, ADR, RevPAR and
 * room revenue: the totals, then a table per night and one per room type) and a link to the same figures as CSV. A date
 * that cannot be read, a reversed or too long period: the form again with its error summary, as a 400.
 */
@Controller
class StaffReportsController {

    private static final String VIEW = "staff/reports";
    private static final DateTimeFormatter NIGHT = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.US);

    private final ReportOccupancyUseCase reports;

    StaffReportsController(ReportOccupancyUseCase reports) {
        this.reports = reports;
    }

    /** What the clerk typed, kept as typed. */
    static final class ReportForm {

        private String from;
        private String to;

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }

        boolean asked() {
            return from != null || to != null;
        }
    }

    /** One line of figures, written as the page shows them. */
    record Line(String name, long available, long sold, long outOfOrder, String occupancy, String adr, String revpar, String revenue,
            String retainedFees) {

        static Line of(String name, OccupancyFigures figures) {
            return new Line(name, figures.roomNightsAvailable(), figures.roomNightsSold(), figures.roomNightsOutOfOrder(),
                    figures.occupancy().map(StaffFormat::percent).orElse("none available"),
                    figures.adr().map(StaffFormat::money).orElse("none sold"), figures.revpar().map(StaffFormat::money).orElse("none available"),
                    StaffFormat.money(figures.revenue()), StaffFormat.money(figures.retainedFees()));
        }
    }

    /** The report's figures as the page shows them: the period's, then each night's and each room type's. */
    record Figures(String from, String to, Line total, List<Line> days, List<Line> roomTypes) {

        static Figures of(Occupancy occupancy) {
            var report = occupancy.report();
            return new Figures(NIGHT.format(report.period().from()), NIGHT.format(report.period().to()), Line.of("All rooms", report.total()),
                    report.days().entrySet().stream().map(day -> Line.of(NIGHT.format(day.getKey()), day.getValue())).toList(),
                    occupancy.roomTypes().stream().map(type -> Line.of(type.name(), type.figures())).toList());
        }
    }

    @GetMapping("/staff/reports")
    String report(@ModelAttribute("report") ReportForm form, BindingResult errors, Model model, HttpServletResponse response) {
        if (!form.asked()) {
            return VIEW;
        }
        Optional<Occupancy> occupancy = occupancy(form, errors);
        if (occupancy.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return VIEW;
        }
        model.addAttribute("figures", Figures.of(occupancy.get()));
        model.addAttribute("from", occupancy.get().report().period().from());
        model.addAttribute("to", occupancy.get().report().period().to());
        return VIEW;
    }

    /** The same figures as the API's CSV; a period that is not one is the error page (the form links here only with a good one). */
    @GetMapping("/staff/reports/occupancy.csv")
    ResponseEntity<byte[]> csv(@ModelAttribute ReportForm form, BindingResult errors) {
        return occupancy(form, errors).map(OccupancyCsv::download).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }

    /** The report, or empty with each fault on its field. */
    private Optional<Occupancy> occupancy(ReportForm form, BindingResult errors) {
        LocalDate from = date(form.getFrom(), "from", "first night", errors);
        LocalDate to = date(form.getTo(), "to", "last night", errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Outcome<Occupancy> outcome = reports.occupancy(from, to);
        return outcome.fold(Optional::of, refusal -> {
            for (Refusal.FieldError error : refusal.errors()) {
                errors.rejectValue(error.field(), "invalid", error.message());
            }
            if (refusal.errors().isEmpty()) {
                errors.reject("refused", refusal.reason());
            }
            return Optional.empty();
        });
    }

    private static LocalDate date(String value, String field, String name, BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "missing", "Enter the %s.".formatted(name));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            errors.rejectValue(field, "unreadable", "Enter the %s as a date, such as 2030-02-01.".formatted(name));
            return null;
        }
    }
}
