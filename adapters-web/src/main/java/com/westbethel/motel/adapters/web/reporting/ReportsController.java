package com.westbethel.motel.adapters.web.reporting;

import static com.westbethel.motel.adapters.web.problem.Problems.fieldProblem;
import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/admin/reports for staff and admins: the occupancy report, as JSON or as a CSV download. */
@Tag(name = "Reports")
@RestController
@RequestMapping("/api/v1/admin/reports")
class ReportsController {

    private final ReportOccupancyUseCase reports;

    ReportsController(ReportOccupancyUseCase reports) {
        this.reports = reports;
    }

    @Operation(summary = "Occupancy, ADR and RevPAR of a period, per night and per room type",
            description = "USALI definitions (README, \"Reports and the dashboard API\"). Both nights are included; at most 366 nights. "
                    + "format=csv, or Accept: text/csv, answers a CSV download instead.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = OccupancyJson.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string", description = "The same figures, one row per night then per room type"))})
    @GetMapping("/occupancy")
    ResponseEntity<?> occupancy(
            @Parameter(required = true, description = "The first night", schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String from,
            @Parameter(required = true, description = "The last night (included)", schema = @Schema(type = "string", format = "date"))
            @RequestParam(required = false) String to,
            @Parameter(description = "csv for a download", schema = @Schema(allowableValues = {"json", "csv"}))
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            return fieldProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "format", "format is json or csv.");
        }
        LocalDate first;
        LocalDate last;
        try {
            first = date("from", from);
            last = date("to", to);
        } catch (BadDate bad) {
            return fieldProblem(HttpStatus.BAD_REQUEST, "invalid-report-range", "Invalid report period", bad.field, bad.getMessage());
        }
        boolean csv = format != null ? format.equals("csv") : wantsCsv(accept);
        return reports.occupancy(first, last).fold(occupancy -> csv
                ? OccupancyCsv.download(occupancy)
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(OccupancyJson.of(occupancy)), ReportsController::toProblem);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null; // the use case names what is missing
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            throw new BadDate(field, "%s is a date written yyyy-mm-dd, such as 2030-02-01.".formatted(field));
        }
    }

    /** CSV when the client's Accept ranks text/csv above JSON; JSON otherwise (no Accept, a wildcard, or a tie). */
    private static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            double csv = 0;
            double json = 0;
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                    csv = Math.max(csv, type.getQualityValue());
                } else if (type.getType().equals("application") && type.getSubtype().equals("json")) {
                    json = Math.max(json, type.getQualityValue());
                }
            }
            return csv > 0 && csv > json;
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private static ResponseEntity<ProblemDetail> toProblem(Refusal refusal) {
        return refusal.kind() == Refusal.Kind.INVALID
                ? fieldProblem(HttpStatus.BAD_REQUEST, "invalid-report-range", "Invalid report period", refusal.field(), refusal.reason())
                : problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", refusal.reason());
    }

    private static final class BadDate extends RuntimeException {

        private final String field;

        BadDate(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
