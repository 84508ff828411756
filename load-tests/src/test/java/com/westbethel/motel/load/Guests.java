package com.westbethel.motel.load;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An endless feeder of guests who want a stay: random check-in over the horizon from tomorrow at the motel, 1 to 14
 * nights, a party of 1 to 3, and a name and an email address of their own (the API holds at most 3 unpaid bookings per
 * address, so each guest has a fresh one).
 */
final class Guests implements Iterator<Map<String, Object>> {

    private static final ZoneId MOTEL = ZoneId.of("America/New_York");
    private static final List<String> FIRST_NAMES = List.of("Anna", "Mia", "Liam", "Noah", "Emma", "Olivia", "Lucas", "Ava", "Ethan", "Sofia");
    private static final List<String> LAST_NAMES = List.of("Berg", "Holm", "Smith", "Nguyen", "Garcia", "Dubois", "Kowalski", "Rossi");

    private final int horizonDays;

    Guests(int horizonDays) {
        this.horizonDays = horizonDays;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Map<String, Object> next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate checkIn = LocalDate.now(MOTEL).plusDays(1 + random.nextInt(horizonDays));
        String firstName = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
        String lastName = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
        Map<String, Object> guest = new HashMap<>();
        guest.put("checkIn", checkIn.toString());
        guest.put("checkOut", checkIn.plusDays(1 + random.nextInt(14)).toString());
        guest.put("guests", 1 + random.nextInt(3));
        guest.put("firstName", firstName);
        guest.put("lastName", lastName);
        guest.put("email", "%s.%s.%s@load.example.com".formatted(firstName, lastName, UUID.randomUUID()).toLowerCase());
        return guest;
    }
}
