package com.westbethel.motel.adapters.persistence.booking;

import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.ClosureLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.PromotionLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.RoomLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.RoomTypeLine;
import com.westbethel.motel.application.booking.port.out.InventoryEdits;
import com.westbethel.motel.application.booking.port.out.InventoryListing;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff console's changes and lists of the inventory. Like {@link JdbcInventory}, each write tells its
 * {@link InventoryChanges}, so that the two-level cache drops what it made stale once the transaction commits: a room
 * changed drops all availability, a room type or rate plan its cache, a closure its nights, a promotion its code.
 */
public class JdbcInventoryEdits implements InventoryEdits, InventoryListing {

    private final JdbcClient jdbc;
    private final InventoryChanges changes;

    /** @param changes told of every write, so that cached copies of what it changed are dropped */
    @Autowired
    public JdbcInventoryEdits(JdbcClient jdbc, ObjectProvider<InventoryChanges> changes) {
        this(jdbc, changes.getIfAvailable(() -> InventoryChanges.NONE));
    }

    public JdbcInventoryEdits(JdbcClient jdbc, InventoryChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Override
    public List<String> bookingsOfRoomTypeFrom(RoomTypeId roomType, LocalDate from) {
        return jdbc.sql("SELECT reference FROM bookings WHERE room_type_id = :type AND " + JdbcInventory.STAYING + " AND check_out > :from ORDER BY check_in, reference")
                .param("type", roomType.value())
                .param("from", from)
                .query(String.class)
                .list();
    }

    @Override
    public boolean roomEverBooked(RoomId room) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM bookings WHERE room_id = :room)").param("room", room.value()).query(Boolean.class).single();
    }

    @Override
    public boolean roomTypeEverBooked(RoomTypeId roomType) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM bookings WHERE room_type_id = :type)").param("type", roomType.value())
                .query(Boolean.class).single();
    }

    @Override
    public List<String> roomNumbers(RoomTypeId roomType) {
        return jdbc.sql("SELECT number FROM rooms WHERE room_type_id = :type ORDER BY number").param("type", roomType.value())
                .query(String.class).list();
    }

    @Override
    public boolean roomNumberTaken(PropertyId property, String number, RoomId except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rooms WHERE property_id = :property AND number = :number AND id <> :except)")
                .param("property", property.value())
                .param("number", number)
                .param("except", except.value())
                .query(Boolean.class)
                .single();
    }

    @Override
    public void updateRoom(RoomId room, RoomTypeId roomType, String number, int floor) {
        jdbc.sql("UPDATE rooms SET room_type_id = :type, number = :number, floor = :floor WHERE id = :id")
                .param("id", room.value())
                .param("type", roomType.value())
                .param("number", number)
                .param("floor", floor)
                .update();
        changes.roomsChanged();
    }

    @Override
    public void removeRoom(RoomId room) {
        jdbc.sql("DELETE FROM rooms WHERE id = :id").param("id", room.value()).update();
        changes.roomsChanged();
    }

    @Override
    public void retireRoomType(RoomTypeId roomType, Instant at) {
        jdbc.sql("UPDATE room_types SET retired_at = :at WHERE id = :id AND retired_at IS NULL")
                .param("id", roomType.value())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
        changes.roomTypesChanged();
    }

    @Override
    public void removeRoomType(RoomTypeId roomType) {
        // Its rate plans and photo go with it (ON DELETE CASCADE).
        jdbc.sql("DELETE FROM room_types WHERE id = :id").param("id", roomType.value()).update();
        changes.roomTypesChanged();
        changes.ratePlansChanged();
    }

    @Override
    public Optional<Closure> closure(UUID closureId) {
        return jdbc.sql("SELECT c.*, r.property_id FROM room_closures c JOIN rooms r ON r.id = c.room_id WHERE c.id = :id")
                .param("id", closureId)
                .query((row, number) -> new Closure(row.getObject("id", UUID.class), new RoomId(row.getObject("room_id", UUID.class)),
                        new PropertyId(row.getObject("property_id", UUID.class)), row.getObject("starts", LocalDate.class),
                        row.getObject("ends", LocalDate.class), row.getString("reason")))
                .optional();
    }

    @Override
    public void removeClosure(Closure closure) {
        jdbc.sql("DELETE FROM room_closures WHERE id = :id").param("id", closure.id()).update();
        changes.nightsChanged(closure.property(), closure.starts(), closure.ends());
    }

    @Override
    public void updateRatePlan(RatePlan ratePlan) {
        JdbcInventory.withRatePlan(jdbc.sql("""
                        UPDATE rate_plans SET room_type_id = :type, name = :name, valid_from = :from, valid_until = :until,
                                              weekday_rate = :weekday, weekend_rate = :weekend, minimum_stay = :minimumStay
                        WHERE id = :id
                        """), ratePlan).update();
        changes.ratePlansChanged();
    }

    @Override
    public Optional<PromotionFacts> promotion(UUID promotionId) {
        return jdbc.sql("""
                        SELECT p.*, p.uses > 0 OR EXISTS (SELECT 1 FROM bookings b WHERE b.promotion_code = p.code) AS used
                        FROM promotions p WHERE p.id = :id
                        """)
                .param("id", promotionId)
                .query((row, number) -> new PromotionFacts(JdbcInventory.promotion(row, number), row.getBoolean("used"), row.getObject("retired_at") != null))
                .optional();
    }

    @Override
    public boolean promotionCodeTaken(String code, UUID except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM promotions WHERE code = :code AND id <> :except)")
                .param("code", code)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    @Override
    public void updatePromotion(Promotion promotion, String previousCode) {
        JdbcInventory.withPromotion(jdbc.sql("""
                        UPDATE promotions SET code = :code, kind = :kind, value = :value, valid_from = :from, valid_until = :until,
                                              usage_limit = :usageLimit, per_guest_limit = :perGuest, minimum_nights = :minimumNights
                        WHERE id = :id
                        """), promotion).update();
        changes.promotionChanged(previousCode);
        changes.promotionChanged(promotion.code());
    }

    @Override
    public void retirePromotion(Promotion promotion, Instant at) {
        jdbc.sql("UPDATE promotions SET retired_at = :at WHERE id = :id AND retired_at IS NULL")
                .param("id", promotion.id())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
        changes.promotionChanged(promotion.code());
    }

    @Override
    public void removePromotion(Promotion promotion) {
        jdbc.sql("DELETE FROM promotions WHERE id = :id").param("id", promotion.id()).update();
        changes.promotionChanged(promotion.code());
    }

    @Override
    public List<RoomTypeLine> roomTypes(PropertyId property) {
        return jdbc.sql("""
                        SELECT t.*, p.currency, EXISTS (SELECT 1 FROM room_type_photos f WHERE f.room_type_id = t.id) AS has_photo
                        FROM room_types t JOIN properties p ON p.id = t.property_id
                        WHERE t.property_id = :property ORDER BY t.name
                        """)
                .param("property", property.value())
                .query((row, number) -> new RoomTypeLine(JdbcInventory.roomType(row, number), row.getObject("retired_at") != null, row.getBoolean("has_photo")))
                .list();
    }

    @Override
    public List<RoomLine> rooms(PropertyId property, LocalDate today) {
        Map<UUID, List<ClosureLine>> closures = jdbc.sql("""
                        SELECT c.* FROM room_closures c JOIN rooms r ON r.id = c.room_id
                        WHERE r.property_id = :property AND c.ends > :today ORDER BY c.starts, c.id
                        """)
                .param("property", property.value())
                .param("today", today)
                .query((row, number) -> new RoomClosure(row.getObject("room_id", UUID.class), new ClosureLine(row.getObject("id", UUID.class),
                        row.getObject("starts", LocalDate.class), row.getObject("ends", LocalDate.class), row.getString("reason"))))
                .stream()
                .collect(Collectors.groupingBy(RoomClosure::room, Collectors.mapping(RoomClosure::closure, Collectors.toList())));
        return jdbc.sql("""
                        SELECT r.id, r.number, r.floor, r.room_type_id, t.name AS room_type, r.in_service, r.housekeeping
                        FROM rooms r JOIN room_types t ON t.id = r.room_type_id
                        WHERE r.property_id = :property ORDER BY length(r.number), r.number
                        """)
                .param("property", property.value())
                .query((row, number) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return new RoomLine(id, row.getString("number"), row.getInt("floor"), row.getObject("room_type_id", UUID.class),
                            row.getString("room_type"), row.getBoolean("in_service"), HousekeepingStatus.valueOf(row.getString("housekeeping")),
                            List.copyOf(closures.getOrDefault(id, List.of())));
                })
                .list();
    }

    @Override
    public List<RatePlan> ratePlans(PropertyId property) {
        return jdbc.sql("""
                        SELECT rp.*, p.currency FROM rate_plans rp
                        JOIN room_types t ON t.id = rp.room_type_id JOIN properties p ON p.id = t.property_id
                        WHERE t.property_id = :property ORDER BY t.name, rp.valid_from, rp.id
                        """)
                .param("property", property.value())
                .query(JdbcInventory::ratePlan)
                .list();
    }

    @Override
    public List<PromotionLine> promotions(int limit) {
        return jdbc.sql("SELECT * FROM promotions ORDER BY valid_until DESC, code LIMIT :limit")
                .param("limit", limit)
                .query((row, number) -> new PromotionLine(JdbcInventory.promotion(row, number), row.getInt("uses"), row.getObject("retired_at") != null))
                .list();
    }

    private record RoomClosure(UUID room, ClosureLine closure) {
    }
}
