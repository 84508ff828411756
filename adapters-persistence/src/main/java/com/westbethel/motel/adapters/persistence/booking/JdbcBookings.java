package com.westbethel.motel.adapters.persistence.booking;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bookings in {@code bookings}; the table's exclusion constraint is what finally forbids a double booking. */
public class JdbcBookings implements Bookings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public JdbcBookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Booking> holdFreeRoom(RoomTypeId roomType, Stay stay, Function<RoomId, Booking> bookingOfRoom) {
        List<RoomId> candidates = jdbc.sql("SELECT r.id FROM rooms r WHERE r.room_type_id = :type AND " + JdbcInventory.FREE_ROOM
                        + " ORDER BY r.number")
                .param("type", roomType.value())
                .param("checkIn", stay.checkIn())
                .param("checkOut", stay.checkOut())
                .query((row, number) -> new RoomId(row.getObject("id", UUID.class)))
                .list();
        for (RoomId room : candidates) {
            Booking booking = bookingOfRoom.apply(room);
            // A concurrent booking may have taken this room since the read: the constraint then skips the
            // insert (no error, no aborted transaction) and the next room is tried.
            if (insert(booking) == 1) {
                return Optional.of(booking);
            }
        }
        return Optional.empty();
    }

    private int insert(Booking booking) {
        StayQuote price = booking.price();
        return jdbc.sql("""
                        INSERT INTO bookings (id, reference, property_id, guest_id, room_type_id, room_id, check_in, check_out, guests,
                                              currency, subtotal, discount, total, nightly_rates, minimum_stay, promotion_code, status,
                                              hold_expires_at, refunded, created_at, updated_at)
                        VALUES (:id, :reference, :property, :guest, :roomType, :room, :checkIn, :checkOut, :guests,
                                :currency, :subtotal, :discount, :total, CAST(:nights AS jsonb), :minimumStay, :promotion, :status,
                                :holdExpiresAt, :refunded, :createdAt, :createdAt)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", booking.id().value())
                .param("reference", booking.reference())
                .param("property", booking.property().value())
                .param("guest", booking.guest().value())
                .param("roomType", booking.roomType().value())
                .param("room", booking.room().value())
                .param("checkIn", booking.stay().checkIn())
                .param("checkOut", booking.stay().checkOut())
                .param("guests", booking.guests())
                .param("currency", price.total().currency().getCurrencyCode())
                .param("subtotal", price.subtotal().amount())
                .param("discount", price.discount().amount())
                .param("total", price.total().amount())
                .param("nights", nightsJson(price.nights()))
                .param("minimumStay", price.minimumStay())
                .param("promotion", booking.promotionCode().orElse(null))
                .param("status", booking.status().name())
                .param("holdExpiresAt", utc(booking.holdExpiresAt()))
                .param("refunded", booking.refunded().amount())
                .param("createdAt", utc(booking.createdAt()))
                .update();
    }

    @Override
    public Optional<Booking> find(BookingId id) {
        return jdbc.sql("SELECT * FROM bookings WHERE id = :id").param("id", id.value()).query(JdbcBookings::booking).optional();
    }

    @Override
    public Optional<Booking> findForUpdate(BookingId id) {
        return jdbc.sql("SELECT * FROM bookings WHERE id = :id FOR UPDATE").param("id", id.value()).query(JdbcBookings::booking).optional();
    }

    @Override
    public void update(Booking booking) {
        jdbc.sql("UPDATE bookings SET status = :status, room_id = :room, refunded = :refunded, updated_at = now() WHERE id = :id")
                .param("id", booking.id().value())
                .param("status", booking.status().name())
                .param("room", booking.room().value())
                .param("refunded", booking.refunded().amount())
                .update();
    }

    @Override
    public Optional<RoomId> freeRoomForMove(BookingId booking, RoomTypeId roomType, String roomNumber, Stay stay) {
        return jdbc.sql("""
                        SELECT r.id FROM rooms r
                        WHERE r.room_type_id = :type AND r.number = :number AND r.in_service
                          AND NOT EXISTS (SELECT 1 FROM room_closures c
                                          WHERE c.room_id = r.id AND daterange(c.starts, c.ends) && daterange(:checkIn, :checkOut))
                          AND NOT EXISTS (SELECT 1 FROM bookings b
                                          WHERE b.room_id = r.id AND b.id <> :booking AND b.status IN """ + JdbcInventory.HOLDING + """
                                            AND daterange(b.check_in, b.check_out) && daterange(:checkIn, :checkOut))
                        """)
                .param("type", roomType.value())
                .param("number", roomNumber)
                .param("booking", booking.value())
                .param("checkIn", stay.checkIn())
                .param("checkOut", stay.checkOut())
                .query((row, number) -> new RoomId(row.getObject("id", UUID.class)))
                .optional();
    }

    @Override
    public List<Booking> ofGuest(UserId guest, int page, int size) {
        return jdbc.sql("SELECT * FROM bookings WHERE guest_id = :guest ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .param("guest", guest.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query(JdbcBookings::booking)
                .list();
    }

    @Override
    public long countOfGuest(UserId guest) {
        return jdbc.sql("SELECT count(*) FROM bookings WHERE guest_id = :guest").param("guest", guest.value()).query(Long.class).single();
    }

    @Override
    public List<Booking> all(int page, int size) {
        return jdbc.sql("SELECT * FROM bookings ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(JdbcBookings::booking)
                .list();
    }

    @Override
    public long countAll() {
        return jdbc.sql("SELECT count(*) FROM bookings").query(Long.class).single();
    }

    @Override
    public long unpaidHoldsOf(UserId guest, Instant now) {
        // FOR NO KEY UPDATE: serialises this guest's bookings without blocking the foreign-key checks on the row.
        jdbc.sql("SELECT id FROM users WHERE id = :guest FOR NO KEY UPDATE").param("guest", guest.value()).query(UUID.class).optional();
        return jdbc.sql("SELECT count(*) FROM bookings WHERE guest_id = :guest AND status = 'PENDING_PAYMENT' AND hold_expires_at > :now")
                .param("guest", guest.value())
                .param("now", utc(now))
                .query(Long.class)
                .single();
    }

    @Override
    public List<BookingId> expiredHolds(Instant now, int limit) {
        // SKIP LOCKED: several workers share the expired holds instead of queueing behind each other.
        return jdbc.sql("""
                        SELECT id FROM bookings WHERE status = 'PENDING_PAYMENT' AND hold_expires_at <= :now
                        ORDER BY hold_expires_at LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query((row, number) -> new BookingId(row.getObject("id", UUID.class)))
                .list();
    }

    private static String nightsJson(List<NightlyRate> nights) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (NightlyRate night : nights) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("night", night.night().toString());
            row.put("rate", night.rate().amount().toPlainString());
            rows.add(row);
        }
        return JSON.writeValueAsString(rows);
    }

    private static Booking booking(ResultSet row, int number) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        List<NightlyRate> nights = new ArrayList<>();
        for (JsonNode night : JSON.readTree(row.getString("nightly_rates"))) {
            nights.add(new NightlyRate(LocalDate.parse(night.path("night").asString()), new Money(new BigDecimal(night.path("rate").asString()), currency)));
        }
        StayQuote price = new StayQuote(nights, new Money(row.getBigDecimal("subtotal"), currency), new Money(row.getBigDecimal("discount"), currency),
                new Money(row.getBigDecimal("total"), currency), row.getInt("minimum_stay"));
        return new Booking(new BookingId(row.getObject("id", UUID.class)), row.getString("reference"),
                new PropertyId(row.getObject("property_id", UUID.class)), new UserId(row.getObject("guest_id", UUID.class)),
                new RoomTypeId(row.getObject("room_type_id", UUID.class)), new RoomId(row.getObject("room_id", UUID.class)),
                new Stay(row.getObject("check_in", LocalDate.class), row.getObject("check_out", LocalDate.class)), row.getInt("guests"), price,
                Optional.ofNullable(row.getString("promotion_code")), BookingStatus.valueOf(row.getString("status")), instant(row, "created_at"),
                instant(row, "hold_expires_at"), new Money(row.getBigDecimal("refunded"), currency));
    }
}
