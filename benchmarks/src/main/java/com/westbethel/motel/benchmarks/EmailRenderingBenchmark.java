package com.westbethel.motel.benchmarks;

import com.westbethel.motel.adapters.messaging.notification.ThymeleafEmailRenderer;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** What the worker pays per email before SMTP: the subject, the HTML part in its layout, and the text part. */
public class EmailRenderingBenchmark extends MeasuredBenchmark {

    private ThymeleafEmailRenderer renderer;
    private Map<String, String> booking;

    @Setup
    public void templates() {
        renderer = new ThymeleafEmailRenderer();
        booking = Map.ofEntries(Map.entry("firstName", "Anna"), Map.entry("reference", "WB-7K3Q9X"), Map.entry("roomType", "Queen Room"),
                Map.entry("guests", "2"), Map.entry("checkIn", "2027-07-01"), Map.entry("checkOut", "2027-07-04"), Map.entry("checkInTime", "15:00"),
                Map.entry("checkOutTime", "11:00"), Map.entry("timeZone", "America/New_York"), Map.entry("nights", "3"),
                Map.entry("total", "267.30 USD"), Map.entry("pointsEarned", "2670"), Map.entry("propertyName", "West Bethel Motel"));
    }

    @Benchmark
    public RenderedEmail renderABookingConfirmation() {
        return renderer.render("booking-confirmation", Locale.ENGLISH, booking);
    }
}
