package com.westbethel.motel.adapters.persistence.booking;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.booking.port.out.BookingClaims;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bookings in {@code bookings}; the table's exclusion constraint is what finally forbids a double booking. A booking
 * without an account ({@code guest_id} null) is found by the address on it ({@code guest_email}, lower-cased).
 */
public class JdbcBookings implements Bookings, BookingClaims {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<QuotedNight>> QUOTED_NIGHTS = new TypeReference<>() {
    };

    /**
     * A room {@code r} free for a stay from :checkIn to :checkOut apart from booking :booking itself (the one moving): in
     * service, not closed, and no other booking holding any of its nights.
     */
    static final String FREE_FOR_MOVE = """
            r.in_service
            AND NOT EXISTS (SELECT 1 FROM room_closures c
                            WHERE c.room_id = r.id AND daterange(c.starts, c.ends) && daterange(:checkIn, :checkOut))
            AND NOT EXISTS (SELECT 1 FROM bookings b
                            WHERE b.room_id = r.id AND b.id <> :booking AND b.status IN %s
                              AND daterange(b.check_in, b.check_out) && daterange(:checkIn, :checkOut))
            """.formatted(JdbcInventory.HOLDING);

    private final JdbcClient jdbc;
    private final InventoryChanges changes;

    public JdbcBookings(JdbcClient jdbc) {
        this(jdbc, InventoryChanges.NONE);
    }

    /** @param changes told of every booking written, so that cached availability of its nights is dropped */
    @Autowired
    public JdbcBookings(JdbcClient jdbc, ObjectProvider<InventoryChanges> changes) {
        this(jdbc, changes.getIfAvailable(() -> InventoryChanges.NONE));
    }

    public JdbcBookings(JdbcClient jdbc, InventoryChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Override
    public List<RoomId> freeRooms(RoomTypeId roomType, Stay stay) {
        return jdbc.sql("SELECT r.id FROM rooms r WHERE r.room_type_id = :type AND " + JdbcInventory.FREE_ROOM + " ORDER BY r.number")
                .param("type", roomType.value())
                .param("checkIn", stay.checkIn())
                .param("checkOut", stay.checkOut())
                .query((row, number) -> new RoomId(row.getObject("id", UUID.class)))
                .list();
    }

    @Override
    public Optional<Booking> holdFirstFree(List<RoomId> candidates, Function<RoomId, Booking> bookingOfRoom) {
        for (RoomId room : candidates) {
            Booking booking = bookingOfRoom.apply(room);
            // A concurrent booking may have taken this room since the read: the constraint then skips the
            // insert (no error, no aborted transaction) and the next room is tried.
            if (insert(booking) == 1) {
                changes.nightsChanged(booking.property(), booking.stay().checkIn(), booking.stay().checkOut());
                return Optional.of(booking);
            }
        }
        return Optional.empty();
    }

    private int insert(Booking booking) {
        return jdbc.sql("""
                        INSERT INTO bookings (id, reference, property_id, guest_id, guest_first_name, guest_last_name, guest_email, guest_phone,
                                              room_type_id, room_id, check_in, check_out, guests,
                                              currency, subtotal, discount, total, nightly_rates, minimum_stay, promotion_code, status,
                                              hold_expires_at, hold_extensions, refunded, created_at, updated_at)
                        VALUES (:id, :reference, :propertyId, :guestId, :guestFirstName, :guestLastName, :guestEmail, :guestPhone,
                                :roomTypeId, :roomId, :checkIn, :checkOut, :guests,
                                :currency, :subtotal, :discount, :total, CAST(:nightlyRates AS jsonb), :minimumStay, :promotionCode, :status,
                                :holdExpiresAt, :holdExtensions, :refunded, :createdAt, :createdAt)
                        ON CONFLICT DO NOTHING
                        """)
                .paramSource(BookingRow.of(booking))
                .update();
    }

    @Override
    public Optional<Booking> find(BookingId id) {
        return jdbc.sql("SELECT * FROM bookings WHERE id = :id").param("id", id.value()).query(BookingRow.class).optional().map(BookingRow::booking);
    }

    @Override
    public Optional<Booking> findForUpdate(BookingId id) {
        return jdbc.sql("SELECT * FROM bookings WHERE id = :id FOR UPDATE").param("id", id.value()).query(BookingRow.class).optional()
                .map(BookingRow::booking);
    }

    @Override
    public void update(Booking booking) {
        jdbc.sql("""
                        UPDATE bookings SET status = :status, room_id = :room, refunded = :refunded, hold_expires_at = :holdExpiresAt,
                                            hold_extensions = :holdExtensions, updated_at = now()
                        WHERE id = :id
                        """)
                .param("id", booking.id().value())
                .param("status", booking.status().name())
                .param("room", booking.room().value())
                .param("refunded", booking.refunded().amount())
                .param("holdExpiresAt", utc(booking.holdExpiresAt()))
                .param("holdExtensions", booking.holdExtensions())
                .update();
        // Every change is told, a payment or an extension too: what it changed is not known here, and it is rare next to reads.
        changes.nightsChanged(booking.property(), booking.stay().checkIn(), booking.stay().checkOut());
    }

    @Override
    public Optional<RoomId> freeRoomForMove(BookingId booking, RoomTypeId roomType, String roomNumber, Stay stay) {
        // The room is held first and checked in a statement of its own: two moves into it take turns, and the second checks
        // with a snapshot taken once the first has committed (Read Committed), so it is refused in words instead of by the
        // exclusion constraint. NO KEY: a guest's hold naming the room (its foreign key's KEY SHARE) is not held up.
        Optional<UUID> held = jdbc.sql("SELECT id FROM rooms WHERE room_type_id = :type AND number = :number FOR NO KEY UPDATE")
                .param("type", roomType.value())
                .param("number", roomNumber)
                .query(UUID.class)
                .optional();
        return held.flatMap(room -> jdbc.sql("SELECT r.id FROM rooms r WHERE r.id = :room AND " + FREE_FOR_MOVE)
                .param("room", room)
                .param("booking", booking.value())
                .param("checkIn", stay.checkIn())
                .param("checkOut", stay.checkOut())
                .query((row, number) -> new RoomId(row.getObject("id", UUID.class)))
                .optional());
    }

    @Override
    public List<Booking> ofAccount(UserId account, int page, int size) {
        return jdbc.sql("SELECT * FROM bookings WHERE guest_id = :guest ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .param("guest", account.value())
                .param("size", size)
                .param("offset", (long) page * size)
                .query(BookingRow.class)
                .list().stream().map(BookingRow::booking).toList();
    }

    @Override
    public long countOfAccount(UserId account) {
        return jdbc.sql("SELECT count(*) FROM bookings WHERE guest_id = :guest").param("guest", account.value()).query(Long.class).single();
    }

    @Override
    public List<Booking> all(int page, int size) {
        return jdbc.sql("SELECT * FROM bookings ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .param("size", size)
                .param("offset", (long) page * size)
                .query(BookingRow.class)
                .list().stream().map(BookingRow::booking).toList();
    }

    @Override
    public long countAll() {
        return jdbc.sql("SELECT count(*) FROM bookings").query(Long.class).single();
    }

    @Override
    public long unpaidHoldsOf(UserId account, Instant now) {
        // FOR NO KEY UPDATE: serialises this account's bookings without blocking the foreign-key checks on the row.
        jdbc.sql("SELECT id FROM users WHERE id = :guest FOR NO KEY UPDATE").param("guest", account.value()).query(UUID.class).optional();
        return jdbc.sql("SELECT count(*) FROM bookings WHERE guest_id = :guest AND status = 'PENDING_PAYMENT' AND hold_expires_at > :now")
                .param("guest", account.value())
                .param("now", utc(now))
                .query(Long.class)
                .single();
    }

    @Override
    public long unpaidHoldsNaming(EmailAddress email, Instant now) {
        // An address has no row to lock: a transaction-scoped advisory lock on its hash serialises the bookings naming it.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('booking-holds:' || :email, 0))")
                .param("email", email.value()).query((row, number) -> 1).single();
        return jdbc.sql("""
                        SELECT count(*) FROM bookings
                        WHERE lower(guest_email) = :email AND status = 'PENDING_PAYMENT' AND hold_expires_at > :now
                        """)
                .param("email", email.value())
                .param("now", utc(now))
                .query(Long.class)
                .single();
    }

    /**
     * One statement per step, in the transaction of the verification: the bookings are attached, then the promotion uses
     * they hold move from the address's row to the account's (V14), so that the trigger that gives a use back finds it.
     */
    @Override
    public int claim(UserId account, EmailAddress email) {
        List<String> codesInUse = jdbc.sql("""
                        UPDATE bookings SET guest_id = :account, updated_at = now()
                        WHERE guest_id IS NULL AND lower(guest_email) = :email
                        RETURNING CASE WHEN status IN """ + JdbcInventory.HOLDING + " THEN promotion_code END AS code")
                .param("account", account.value())
                .param("email", email.value())
                .query((row, number) -> Optional.ofNullable(row.getString("code")).orElse(""))
                .list();
        codesInUse.stream().filter(code -> !code.isEmpty()).forEach(code -> moveUse(code, email, account));
        return codesInUse.size();
    }

    /**
     * Moves one use of the code from the address's row to the account's, unless the account's row has reached the code's
     * per-guest limit already (uses taken before the limit counted both rows): then the use stays on the address's row,
     * where the limit still counts it against the account, and the claimed booking, when it lets go of its room, gives a
     * use back to the account's row instead (the trigger keys by the booking's account): the sum of both rows, which is what
     * the limit counts, stays right (at worst, once the account's row is at zero, a use stays counted: never one too few).
     * The code's row is locked first, like every path that changes uses.
     */
    private void moveUse(String code, EmailAddress from, UserId to) {
        jdbc.sql("SELECT id FROM promotions WHERE code = :code FOR NO KEY UPDATE").param("code", code).query(UUID.class).optional();
        boolean moved = jdbc.sql("""
                        INSERT INTO promotion_redemptions (promotion_id, guest_id, uses) SELECT id, :account, 1 FROM promotions WHERE code = :code
                        ON CONFLICT (promotion_id, guest_id) WHERE guest_id IS NOT NULL DO UPDATE SET uses = promotion_redemptions.uses + 1
                        WHERE promotion_redemptions.uses < (SELECT per_guest_limit FROM promotions WHERE id = promotion_redemptions.promotion_id)
                        """)
                .param("code", code)
                .param("account", to.value())
                .update() == 1;
        if (moved) {
            jdbc.sql("""
                            UPDATE promotion_redemptions r SET uses = greatest(r.uses - 1, 0) FROM promotions p
                            WHERE p.code = :code AND r.promotion_id = p.id AND r.guest_email = :email
                            """)
                    .param("code", code)
                    .param("email", from.value())
                    .update();
        }
    }

    @Override
    public List<BookingId> expiredHolds(Instant now, int limit) {
        // SKIP LOCKED: several workers share the expired holds instead of queueing behind each other. A hold whose payment
        // is in flight (PENDING: the card is being charged, or the worker will learn what happened) is left to that payment.
        return jdbc.sql("""
                        SELECT b.id FROM bookings b WHERE b.status = 'PENDING_PAYMENT' AND b.hold_expires_at <= :now
                        AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.booking_id = b.id AND p.status = 'PENDING')
                        ORDER BY b.hold_expires_at LIMIT :limit FOR UPDATE OF b SKIP LOCKED
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query((row, number) -> new BookingId(row.getObject("id", UUID.class)))
                .list();
    }

    /**
     * A booking as its row in {@code bookings}: the components are named for the columns, so the same record is
     * the insert's named parameters and what a {@code SELECT *} is read into.
     *
     * @param nightlyRates the price of each night as quoted, a JSON array of {@link QuotedNight}
     */
    record BookingRow(UUID id, String reference, UUID propertyId, UUID guestId, String guestFirstName, String guestLastName, String guestEmail,
            String guestPhone, UUID roomTypeId, UUID roomId, LocalDate checkIn, LocalDate checkOut, int guests, String currency,
            BigDecimal subtotal, BigDecimal discount, BigDecimal total, String nightlyRates, int minimumStay, String promotionCode, String status,
            OffsetDateTime holdExpiresAt, int holdExtensions, BigDecimal refunded, OffsetDateTime createdAt) {

        static BookingRow of(Booking booking) {
            StayQuote price = booking.price();
            GuestContact guest = booking.contact();
            return new BookingRow(booking.id().value(), booking.reference(), booking.property().value(), booking.account().map(UserId::value).orElse(null),
                    guest.firstName(), guest.lastName(), guest.email().map(EmailAddress::value).orElse(null), guest.phone().orElse(null),
                    booking.roomType().value(), booking.room().value(), booking.stay().checkIn(), booking.stay().checkOut(), booking.guests(),
                    price.total().currency().getCurrencyCode(), price.subtotal().amount(), price.discount().amount(), price.total().amount(),
                    JSON.writeValueAsString(price.nights().stream().map(QuotedNight::of).toList()), price.minimumStay(),
                    booking.promotionCode().orElse(null), booking.status().name(), utc(booking.holdExpiresAt()), booking.holdExtensions(),
                    booking.refunded().amount(), utc(booking.createdAt()));
        }

        Booking booking() {
            Currency money = Currency.getInstance(currency);
            List<NightlyRate> nights = JSON.readValue(nightlyRates, QUOTED_NIGHTS).stream().map(night -> night.nightlyRate(money)).toList();
            StayQuote price = new StayQuote(nights, new Money(subtotal, money), new Money(discount, money), new Money(total, money), minimumStay);
            GuestContact guest = new GuestContact(guestFirstName, guestLastName, Optional.ofNullable(guestEmail).map(EmailAddress::new),
                    Optional.ofNullable(guestPhone));
            return new Booking(new BookingId(id), reference, new PropertyId(propertyId), Optional.ofNullable(guestId).map(UserId::new), guest,
                    new RoomTypeId(roomTypeId), new RoomId(roomId), new Stay(checkIn, checkOut), guests, price, Optional.ofNullable(promotionCode),
                    BookingStatus.valueOf(status), createdAt.toInstant(), holdExpiresAt.toInstant(), holdExtensions, new Money(refunded, money));
        }
    }

    /** One night of {@code nightly_rates}: {@code {"night": "2027-06-07", "rate": "120.00"}}, the rate as text so that it stays exact. */
    record QuotedNight(String night, String rate) {

        static QuotedNight of(NightlyRate night) {
            return new QuotedNight(night.night().toString(), night.rate().amount().toPlainString());
        }

        NightlyRate nightlyRate(Currency currency) {
            return new NightlyRate(LocalDate.parse(night), new Money(new BigDecimal(rate), currency));
        }
    }
}
