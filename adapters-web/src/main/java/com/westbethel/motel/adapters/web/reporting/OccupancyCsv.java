package com.westbethel.motel.adapters.web.reporting;

import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase.Occupancy;
import com.westbethel.motel.domain.reporting.OccupancyFigures;
import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The occupancy report as a spreadsheet opens it: UTF-8 with a byte-order mark (so that a room type named with accents
 * opens right in Excel), CRLF lines, a header, the period's row, one row per night, then one per room type.
 *
 * <p>Room type names are typed by staff, so every cell is made safe to open: a cell that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, and a cell with a comma, a
 * quote or a line break is quoted with its quotes doubled (RFC 4180).
 *
 * <p>Public for the staff console's download, which answers the same file to a signed-in clerk's browser.
 */
public final class OccupancyCsv {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    static final String HEADER = "row,date,roomTypeId,roomType,roomNightsAvailable,roomNightsSold,roomNightsOutOfOrder,occupancy,adr,revpar,"
            + "revenue,retainedFees,currency";

    private OccupancyCsv() {
    }

    /** The report as a download named for its period: {@code occupancy-2030-02-01-2030-02-28.csv}. */
    public static ResponseEntity<byte[]> download(Occupancy occupancy) {
        var period = occupancy.report().period();
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("occupancy-%s-%s.csv".formatted(period.from(), period.to())).build().toString())
                .body(of(occupancy));
    }

    static byte[] of(Occupancy occupancy) {
        var report = occupancy.report();
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        line(csv, "period", report.period().from() + ".." + report.period().to(), "", "", report.total());
        report.days().forEach((date, figures) -> line(csv, "day", date.toString(), "", "", figures));
        occupancy.roomTypes().forEach(type -> line(csv, "roomType", "", type.id().toString(), type.name(), type.figures()));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, String row, String date, String roomTypeId, String roomType, OccupancyFigures figures) {
        List<String> cells = new ArrayList<>(List.of(row, date, roomTypeId, roomType, String.valueOf(figures.roomNightsAvailable()),
                String.valueOf(figures.roomNightsSold()), String.valueOf(figures.roomNightsOutOfOrder()),
                figures.occupancy().map(BigDecimal::toPlainString).orElse(""), amount(figures.adr()), amount(figures.revpar()),
                figures.revenue().amount().toPlainString(), figures.retainedFees().amount().toPlainString(),
                figures.revenue().currency().getCurrencyCode()));
        csv.append(String.join(",", cells.stream().map(OccupancyCsv::cell).toList())).append("\r\n");
    }

    private static String amount(Optional<Money> money) {
        return money.map(value -> value.amount().toPlainString()).orElse("");
    }

    /** One cell, safe from formula injection and quoted when it must be. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
