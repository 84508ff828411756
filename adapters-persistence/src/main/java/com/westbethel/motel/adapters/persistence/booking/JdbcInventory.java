package com.westbethel.motel.adapters.persistence.booking;

import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.InventoryAdmin;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.application.booking.port.out.Promotions.PromotionGuest;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Properties, room types, rooms, closures, rate plans and promotions. */
public class JdbcInventory implements Inventory, InventoryAdmin, Promotions {

    /**
     * Statuses whose booking holds its room ({@link BookingStatus#holdsRoom()}) as an SQL list of literals, the form
     * the no-double-booking constraint and the partial indexes of V6 are written in, so that the planner uses them.
     * {@code BookingStatusesInTheSchemaIT} holds the enum and the migrations to the same list.
     */
    static final String HOLDING = Arrays.stream(BookingStatus.values()).filter(BookingStatus::holdsRoom)
            .map(status -> "'" + status.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    /**
     * Bookings that still need their room: those holding it ({@link #HOLDING}) but a stay already checked out, which keeps
     * its nights against double booking and needs none of them any more. What an inventory change must not strand.
     */
    static final String STAYING = "status IN " + HOLDING + " AND status <> 'CHECKED_OUT'";
    /** Rooms free for a stay: in service, not closed, no booking holding any of its nights. */
    static final String FREE_ROOM = """
            r.in_service
            AND NOT EXISTS (SELECT 1 FROM room_closures c
                            WHERE c.room_id = r.id AND daterange(c.starts, c.ends) && daterange(:checkIn, :checkOut))
            AND NOT EXISTS (SELECT 1 FROM bookings b
                            WHERE b.room_id = r.id AND b.status IN %s AND daterange(b.check_in, b.check_out) && daterange(:checkIn, :checkOut))
            """.formatted(HOLDING);
    /**
     * Free rooms night by night from :checkIn up to :checkOut, per night and room type, in one statement: the same rule
     * as {@link #FREE_ROOM} for each single night. What holds each room in the range (holding bookings, closures) is
     * fetched room by room through the rooms' range indexes (a lateral UNION the planner cannot flatten into a scan
     * of every booking ever made); then each room and night is counted unless one of those covers the night.
     */
    static final String FREE_ROOMS_PER_NIGHT = """
            WITH held AS MATERIALIZED (
                SELECT r.id AS room_id, h.starts, h.ends
                FROM rooms r
                CROSS JOIN LATERAL (
                    SELECT b.check_in AS starts, b.check_out AS ends FROM bookings b
                    WHERE b.room_id = r.id AND b.status IN %1$s AND daterange(b.check_in, b.check_out) && daterange(:checkIn, :checkOut)
                    UNION ALL
                    SELECT c.starts, c.ends FROM room_closures c
                    WHERE c.room_id = r.id AND daterange(c.starts, c.ends) && daterange(:checkIn, :checkOut)
                ) h
                WHERE r.property_id = :property AND r.in_service
            )
            SELECT n.night, r.room_type_id, count(*) AS free
            FROM rooms r
            CROSS JOIN (SELECT d::date AS night FROM generate_series(CAST(:checkIn AS date), CAST(:checkOut AS date) - 1, interval '1 day') d) n
            WHERE r.property_id = :property AND r.in_service
              AND NOT EXISTS (SELECT 1 FROM held h WHERE h.room_id = r.id AND h.starts <= n.night AND h.ends > n.night)
            GROUP BY n.night, r.room_type_id
            """.formatted(HOLDING);
    /**
     * The rooms behind {@link #FREE_ROOMS_PER_NIGHT}'s counts, by the same statement: what the two-level cache keeps per night,
     * since the rooms free for a stay are those free on each of its nights, which counts alone cannot tell.
     * {@code CachingInventoryIT} fails if a change to the statement above stops these replacements from applying.
     */
    static final String FREE_ROOM_IDS_PER_NIGHT = FREE_ROOMS_PER_NIGHT
            .replace("SELECT n.night, r.room_type_id, count(*) AS free", "SELECT n.night, r.room_type_id, r.id AS room_id")
            .replace("GROUP BY n.night, r.room_type_id", "");
    private static final String ROOM_TYPE = """
            SELECT t.id, t.property_id, t.name, t.description, t.max_occupancy, t.base_rate, t.amenities, p.currency
            FROM room_types t JOIN properties p ON p.id = t.property_id
            """;

    private final JdbcClient jdbc;
    private final InventoryChanges changes;

    public JdbcInventory(JdbcClient jdbc) {
        this(jdbc, InventoryChanges.NONE);
    }

    /** @param changes told of every write, so that cached copies of what it changed are dropped */
    @Autowired
    public JdbcInventory(JdbcClient jdbc, ObjectProvider<InventoryChanges> changes) {
        this(jdbc, changes.getIfAvailable(() -> InventoryChanges.NONE));
    }

    public JdbcInventory(JdbcClient jdbc, InventoryChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Override
    public Optional<Property> defaultProperty() {
        return jdbc.sql("SELECT * FROM properties ORDER BY created_at, id LIMIT 1").query(JdbcInventory::property).optional();
    }

    @Override
    public Optional<Property> property(PropertyId id) {
        return jdbc.sql("SELECT * FROM properties WHERE id = :id").param("id", id.value()).query(JdbcInventory::property).optional();
    }

    @Override
    public List<RoomType> roomTypes(PropertyId property) {
        return jdbc.sql(ROOM_TYPE + " WHERE t.property_id = :property AND t.retired_at IS NULL ORDER BY t.base_rate, t.name")
                .param("property", property.value())
                .query(JdbcInventory::roomType)
                .list();
    }

    @Override
    public Optional<RoomType> roomType(RoomTypeId id) {
        return jdbc.sql(ROOM_TYPE + " WHERE t.id = :id").param("id", id.value()).query(JdbcInventory::roomType).optional();
    }

    @Override
    public List<RatePlan> ratePlans(PropertyId property, Stay stay) {
        return jdbc.sql("""
                        SELECT rp.*, p.currency FROM rate_plans rp
                        JOIN room_types t ON t.id = rp.room_type_id JOIN properties p ON p.id = t.property_id
                        WHERE t.property_id = :property AND rp.valid_from < :checkOut AND rp.valid_until > :checkIn
                        """)
                .param("property", property.value())
                .param("checkIn", stay.checkIn())
                .param("checkOut", stay.checkOut())
                .query(JdbcInventory::ratePlan)
                .list();
    }

    @Override
    public Map<RoomTypeId, Integer> freeRooms(PropertyId property, Stay stay) {
        Map<RoomTypeId, Integer> free = new HashMap<>();
        jdbc.sql("SELECT r.room_type_id, count(*) AS free FROM rooms r WHERE r.property_id = :property AND " + FREE_ROOM
                        + " GROUP BY r.room_type_id")
                .param("property", property.value())
                .param("checkIn", stay.checkIn())
                .param("checkOut", stay.checkOut())
                .query((ResultSet row) -> {
                    free.put(new RoomTypeId(row.getObject("room_type_id", UUID.class)), row.getInt("free"));
                });
        return free;
    }

    @Override
    public Map<LocalDate, Map<RoomTypeId, Integer>> freeRoomsPerNight(PropertyId property, Stay nights) {
        Map<LocalDate, Map<RoomTypeId, Integer>> free = new HashMap<>();
        jdbc.sql(FREE_ROOMS_PER_NIGHT)
                .param("property", property.value())
                .param("checkIn", nights.checkIn())
                .param("checkOut", nights.checkOut())
                .query((ResultSet row) -> {
                    free.computeIfAbsent(row.getObject("night", LocalDate.class), night -> new HashMap<>())
                            .put(new RoomTypeId(row.getObject("room_type_id", UUID.class)), row.getInt("free"));
                });
        return free;
    }

    /**
     * Night by night over a range, per room type, which rooms are free ({@link #freeRoomsPerNight} counts them): every night
     * of the range is present, with no room type when nothing is free.
     */
    public Map<LocalDate, Map<RoomTypeId, Set<RoomId>>> freeRoomIdsPerNight(PropertyId property, Stay nights) {
        Map<LocalDate, Map<RoomTypeId, Set<RoomId>>> free = new HashMap<>();
        nights.nightsDates().forEach(night -> free.put(night, new HashMap<>()));
        jdbc.sql(FREE_ROOM_IDS_PER_NIGHT)
                .param("property", property.value())
                .param("checkIn", nights.checkIn())
                .param("checkOut", nights.checkOut())
                .query((ResultSet row) -> {
                    free.get(row.getObject("night", LocalDate.class))
                            .computeIfAbsent(new RoomTypeId(row.getObject("room_type_id", UUID.class)), type -> new HashSet<>())
                            .add(new RoomId(row.getObject("room_id", UUID.class)));
                });
        return free;
    }

    /** Every rate plan of the property's room types, whatever nights it prices. */
    public List<RatePlan> allRatePlans(PropertyId property) {
        return jdbc.sql("""
                        SELECT rp.*, p.currency FROM rate_plans rp
                        JOIN room_types t ON t.id = rp.room_type_id JOIN properties p ON p.id = t.property_id
                        WHERE t.property_id = :property ORDER BY rp.valid_from, rp.id
                        """)
                .param("property", property.value())
                .query(JdbcInventory::ratePlan)
                .list();
    }

    @Override
    public String roomNumber(RoomId room) {
        return jdbc.sql("SELECT number FROM rooms WHERE id = :id").param("id", room.value()).query(String.class).single();
    }

    @Override
    public Optional<Promotion> byCode(String code) {
        // Not locked: uses are taken by redeem(), one conditional statement each, late in the booking.
        return jdbc.sql("SELECT * FROM promotions WHERE code = :code AND retired_at IS NULL")
                .param("code", Promotion.normalise(code))
                .query(JdbcInventory::promotion)
                .optional();
    }

    /**
     * The code's use first, then the guest's: every path that changes uses (this, release, a claim moving a use, and the
     * database trigger that gives uses back when a booking stops holding its room) locks the code's row before the guest's,
     * so two of them never wait on each other in a circle. The code's row stays locked until the booking commits (redeem
     * late): it also serialises the redemptions of the code, so the guest's uses, summed over their rows (an account's and
     * its address's), cannot change between the count and the new use.
     */
    @Override
    public Redemption redeem(Promotion promotion, PromotionGuest guest, Optional<PromotionGuest> alsoKnownAs) {
        boolean codeLeft = jdbc.sql("UPDATE promotions SET uses = uses + 1 WHERE id = :promotion AND (usage_limit IS NULL OR uses < usage_limit)")
                .param("promotion", promotion.id())
                .update() == 1;
        if (!codeLeft) {
            return Redemption.USED_UP;
        }
        int used = uses(promotion, guest) + alsoKnownAs.map(other -> uses(promotion, other)).orElse(0);
        if (used >= promotion.perGuestLimit()) {
            jdbc.sql("UPDATE promotions SET uses = uses - 1 WHERE id = :promotion").param("promotion", promotion.id()).update();
            return Redemption.ALREADY_USED_BY_GUEST;
        }
        // The conflict target names the partial unique index (V14) of an account's row or of an address's.
        String column = column(guest);
        jdbc.sql("INSERT INTO promotion_redemptions (promotion_id, " + column + ", uses) VALUES (:promotion, :guest, 1) "
                        + "ON CONFLICT (promotion_id, " + column + ") WHERE " + column + " IS NOT NULL "
                        + "DO UPDATE SET uses = promotion_redemptions.uses + 1")
                .param("promotion", promotion.id())
                .param("guest", key(guest))
                .update();
        return Redemption.REDEEMED;
    }

    private int uses(Promotion promotion, PromotionGuest guest) {
        return jdbc.sql("SELECT coalesce(sum(uses), 0) FROM promotion_redemptions WHERE promotion_id = :promotion AND " + column(guest) + " = :guest")
                .param("promotion", promotion.id())
                .param("guest", key(guest))
                .query(Integer.class)
                .single();
    }

    @Override
    public void release(Promotion promotion, PromotionGuest guest) {
        jdbc.sql("UPDATE promotions SET uses = greatest(uses - 1, 0) WHERE id = :promotion").param("promotion", promotion.id()).update();
        jdbc.sql("UPDATE promotion_redemptions SET uses = greatest(uses - 1, 0) WHERE promotion_id = :promotion AND " + column(guest) + " = :guest")
                .param("promotion", promotion.id())
                .param("guest", key(guest))
                .update();
    }

    /** The column that keys the guest's row: one of two fixed names, never input. */
    private static String column(PromotionGuest guest) {
        return guest instanceof PromotionGuest.Account ? "guest_id" : "guest_email";
    }

    private static Object key(PromotionGuest guest) {
        return guest instanceof PromotionGuest.Account account ? account.account().value() : ((PromotionGuest.Email) guest).email().value();
    }

    @Override
    public boolean anyProperty() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM properties)").query(Boolean.class).single();
    }

    @Override
    public void addProperty(Property property) {
        jdbc.sql("""
                        INSERT INTO properties (id, name, time_zone, currency, check_in_time, check_out_time, free_cancellation_hours)
                        VALUES (:id, :name, :zone, :currency, :checkIn, :checkOut, :freeHours)
                        """)
                .param("id", property.id().value())
                .param("name", property.name())
                .param("zone", property.timeZone().getId())
                .param("currency", property.currency().getCurrencyCode())
                .param("checkIn", property.checkInTime())
                .param("checkOut", property.checkOutTime())
                .param("freeHours", property.cancellationPolicy().freeUntilHoursBeforeCheckIn())
                .update();
        changes.propertiesChanged();
    }

    @Override
    public void addRoomType(RoomType roomType) {
        withRoomType(jdbc.sql("""
                        INSERT INTO room_types (id, property_id, name, description, max_occupancy, base_rate, amenities)
                        VALUES (:id, :property, :name, :description, :maxOccupancy, :baseRate, :amenities)
                        """), roomType).update();
        changes.roomTypesChanged();
    }

    @Override
    public void addRoom(RoomId room, PropertyId property, RoomTypeId roomType, String number, int floor) {
        jdbc.sql("INSERT INTO rooms (id, property_id, room_type_id, number, floor) VALUES (:id, :property, :type, :number, :floor)")
                .param("id", room.value())
                .param("property", property.value())
                .param("type", roomType.value())
                .param("number", number)
                .param("floor", floor)
                .update();
        changes.roomsChanged();
    }

    @Override
    public void addRatePlan(RatePlan ratePlan) {
        withRatePlan(jdbc.sql("""
                        INSERT INTO rate_plans (id, room_type_id, name, valid_from, valid_until, weekday_rate, weekend_rate, minimum_stay)
                        VALUES (:id, :type, :name, :from, :until, :weekday, :weekend, :minimumStay)
                        """), ratePlan).update();
        changes.ratePlansChanged();
    }

    static JdbcClient.StatementSpec withRatePlan(JdbcClient.StatementSpec statement, RatePlan ratePlan) {
        return statement.param("id", ratePlan.id())
                .param("type", ratePlan.roomType().value())
                .param("name", ratePlan.name())
                .param("from", ratePlan.validFrom())
                .param("until", ratePlan.validUntil())
                .param("weekday", ratePlan.weekdayRate().amount())
                .param("weekend", ratePlan.weekendRate().amount())
                .param("minimumStay", ratePlan.minimumStay());
    }

    @Override
    public void addPromotion(Promotion promotion) {
        withPromotion(jdbc.sql("""
                        INSERT INTO promotions (id, code, kind, value, valid_from, valid_until, usage_limit, per_guest_limit, minimum_nights)
                        VALUES (:id, :code, :kind, :value, :from, :until, :usageLimit, :perGuest, :minimumNights)
                        """), promotion).update();
        changes.promotionChanged(promotion.code());
    }

    static JdbcClient.StatementSpec withPromotion(JdbcClient.StatementSpec statement, Promotion promotion) {
        return statement.param("id", promotion.id())
                .param("code", promotion.code())
                .param("kind", promotion.kind().name())
                .param("value", promotion.value())
                .param("from", promotion.validFrom())
                .param("until", promotion.validUntil())
                .param("usageLimit", promotion.usageLimit().orElse(null))
                .param("perGuest", promotion.perGuestLimit())
                .param("minimumNights", promotion.minimumNights());
    }

    @Override
    public void updateRoomType(RoomType roomType) {
        withRoomType(jdbc.sql("""
                        UPDATE room_types SET name = :name, description = :description, max_occupancy = :maxOccupancy, base_rate = :baseRate,
                                              amenities = :amenities
                        WHERE id = :id
                        """), roomType).update();
        changes.roomTypesChanged();
    }

    private static JdbcClient.StatementSpec withRoomType(JdbcClient.StatementSpec statement, RoomType roomType) {
        return statement.param("id", roomType.id().value())
                .param("property", roomType.property().value())
                .param("name", roomType.name())
                .param("description", roomType.description())
                .param("maxOccupancy", roomType.maxOccupancy())
                .param("baseRate", roomType.baseRate().amount())
                .param("amenities", roomType.amenities().toArray(String[]::new));
    }

    @Override
    public boolean roomTypeNameTaken(PropertyId property, String name, Optional<RoomTypeId> except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM room_types WHERE property_id = :property AND lower(name) = lower(:name) AND id <> :except)")
                .param("property", property.value())
                .param("name", name)
                .param("except", except.map(RoomTypeId::value).orElse(new UUID(0, 0)))
                .query(Boolean.class)
                .single();
    }

    @Override
    public boolean roomNumberTaken(PropertyId property, String number) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rooms WHERE property_id = :property AND number = :number)")
                .param("property", property.value())
                .param("number", number)
                .query(Boolean.class)
                .single();
    }

    @Override
    public Optional<RoomFacts> room(RoomId room) {
        return jdbc.sql("SELECT * FROM rooms WHERE id = :id")
                .param("id", room.value())
                .query((row, number) -> new RoomFacts(new RoomId(row.getObject("id", UUID.class)), new PropertyId(row.getObject("property_id", UUID.class)),
                        new RoomTypeId(row.getObject("room_type_id", UUID.class)), row.getString("number"), row.getInt("floor"),
                        row.getBoolean("in_service")))
                .optional();
    }

    @Override
    public void setRoomInService(RoomId room, boolean inService, LocalDate today) {
        // The room's row lock first: two changes of one room take their turns, so the second sees the first's period.
        jdbc.sql("UPDATE rooms SET in_service = :inService WHERE id = :id").param("id", room.value()).param("inService", inService).update();
        if (inService) {
            // Back in service tonight: the open period ends today; one opened today never covered a night.
            jdbc.sql("DELETE FROM room_out_of_service WHERE room_id = :room AND ends IS NULL AND starts >= :today")
                    .param("room", room.value()).param("today", today).update();
            jdbc.sql("UPDATE room_out_of_service SET ends = :today WHERE room_id = :room AND ends IS NULL")
                    .param("room", room.value()).param("today", today).update();
        } else {
            jdbc.sql("""
                    INSERT INTO room_out_of_service (id, room_id, starts)
                    SELECT :id, :room, :today
                    WHERE NOT EXISTS (SELECT 1 FROM room_out_of_service WHERE room_id = :room AND ends IS NULL)
                    """).param("id", UUID.randomUUID()).param("room", room.value()).param("today", today).update();
        }
        changes.roomsChanged();
    }

    @Override
    public List<String> bookingsHoldingRoom(RoomId room, LocalDate starts, LocalDate ends) {
        // LocalDate.MAX (from a day on, without end) is beyond what PostgreSQL's dates hold: an unbounded range instead.
        return jdbc.sql("SELECT reference FROM bookings WHERE room_id = :room AND " + STAYING
                        + " AND daterange(check_in, check_out) && daterange(:starts, CAST(:ends AS date)) ORDER BY check_in, reference")
                .param("room", room.value())
                .param("starts", starts)
                .param("ends", ends.equals(LocalDate.MAX) ? null : ends)
                .query(String.class)
                .list();
    }

    @Override
    public void addClosure(UUID closureId, RoomId room, LocalDate starts, LocalDate ends, String reason) {
        UUID property = jdbc.sql("""
                        INSERT INTO room_closures (id, room_id, starts, ends, reason) VALUES (:id, :room, :starts, :ends, :reason)
                        RETURNING (SELECT property_id FROM rooms WHERE id = :room)
                        """)
                .param("id", closureId)
                .param("room", room.value())
                .param("starts", starts)
                .param("ends", ends)
                .param("reason", reason.length() > 200 ? reason.substring(0, 200) : reason)
                .query(UUID.class)
                .single();
        changes.nightsChanged(new PropertyId(property), starts, ends);
    }

    @Override
    public Optional<RatePlan> ratePlan(UUID ratePlanId) {
        return jdbc.sql("""
                        SELECT rp.*, p.currency FROM rate_plans rp
                        JOIN room_types t ON t.id = rp.room_type_id JOIN properties p ON p.id = t.property_id
                        WHERE rp.id = :id
                        """)
                .param("id", ratePlanId)
                .query(JdbcInventory::ratePlan)
                .optional();
    }

    @Override
    public void removeRatePlan(UUID ratePlanId) {
        jdbc.sql("DELETE FROM rate_plans WHERE id = :id").param("id", ratePlanId).update();
        changes.ratePlansChanged();
    }

    @Override
    public boolean promotionCodeTaken(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM promotions WHERE code = :code)").param("code", code).query(Boolean.class).single();
    }

    static Promotion promotion(ResultSet row, int number) throws SQLException {
        return new Promotion(row.getObject("id", UUID.class), row.getString("code"), Promotion.Kind.valueOf(row.getString("kind")),
                row.getBigDecimal("value"), row.getObject("valid_from", LocalDate.class), row.getObject("valid_until", LocalDate.class),
                Optional.ofNullable((Integer) row.getObject("usage_limit")), row.getInt("per_guest_limit"), row.getInt("minimum_nights"));
    }

    static RatePlan ratePlan(ResultSet row, int number) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        return new RatePlan(row.getObject("id", UUID.class), new RoomTypeId(row.getObject("room_type_id", UUID.class)),
                row.getString("name"), row.getObject("valid_from", LocalDate.class), row.getObject("valid_until", LocalDate.class),
                new Money(row.getBigDecimal("weekday_rate"), currency), new Money(row.getBigDecimal("weekend_rate"), currency),
                row.getInt("minimum_stay"));
    }

    private static Property property(ResultSet row, int number) throws SQLException {
        return new Property(new PropertyId(row.getObject("id", UUID.class)), row.getString("name"), ZoneId.of(row.getString("time_zone")),
                Currency.getInstance(row.getString("currency")), row.getObject("check_in_time", LocalTime.class),
                row.getObject("check_out_time", LocalTime.class), new CancellationPolicy(row.getInt("free_cancellation_hours")));
    }

    static RoomType roomType(ResultSet row, int number) throws SQLException {
        Array amenities = row.getArray("amenities");
        return new RoomType(new RoomTypeId(row.getObject("id", UUID.class)), new PropertyId(row.getObject("property_id", UUID.class)),
                row.getString("name"), row.getString("description"), row.getInt("max_occupancy"),
                new Money(row.getBigDecimal("base_rate"), Currency.getInstance(row.getString("currency"))),
                Arrays.asList((String[]) amenities.getArray()));
    }
}
