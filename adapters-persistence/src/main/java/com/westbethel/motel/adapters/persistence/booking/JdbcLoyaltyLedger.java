package com.westbethel.motel.adapters.persistence.booking;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase.Movement;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Balances in {@code loyalty_accounts}, every change a row in {@code loyalty_movements}. */
public record JdbcLoyaltyLedger(JdbcClient jdbc) implements LoyaltyLedger {

    @Override
    public void earn(UserId guest, BookingId booking, long points, Instant at) {
        if (points <= 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO loyalty_accounts (guest_id, points, lifetime_points) VALUES (:guest, :points, :points)
                        ON CONFLICT (guest_id) DO UPDATE SET points = loyalty_accounts.points + :points,
                                                             lifetime_points = loyalty_accounts.lifetime_points + :points
                        """)
                .param("guest", guest.value())
                .param("points", points)
                .update();
        movement(guest, booking, "EARNED", points, at);
    }

    @Override
    public long reverse(UserId guest, BookingId booking, Instant at) {
        long outstanding = jdbc.sql("SELECT coalesce(sum(points), 0) FROM loyalty_movements WHERE guest_id = :guest AND booking_id = :booking")
                .param("guest", guest.value())
                .param("booking", booking.value())
                .query(Long.class)
                .single();
        if (outstanding <= 0) {
            return 0;
        }
        jdbc.sql("""
                        UPDATE loyalty_accounts SET points = points - :points, lifetime_points = greatest(0, lifetime_points - :points)
                        WHERE guest_id = :guest
                        """)
                .param("guest", guest.value())
                .param("points", outstanding)
                .update();
        movement(guest, booking, "REVERSED", -outstanding, at);
        return outstanding;
    }

    @Override
    public Balance balance(UserId guest) {
        return jdbc.sql("SELECT points, lifetime_points FROM loyalty_accounts WHERE guest_id = :guest")
                .param("guest", guest.value())
                .query((row, number) -> new Balance(row.getLong("points"), row.getLong("lifetime_points")))
                .optional()
                .orElse(new Balance(0, 0));
    }

    @Override
    public List<Movement> history(UserId guest, int limit) {
        return jdbc.sql("SELECT kind, points, booking_id, occurred_at FROM loyalty_movements WHERE guest_id = :guest ORDER BY occurred_at DESC, id DESC LIMIT :limit")
                .param("guest", guest.value())
                .param("limit", limit)
                .query((row, number) -> new Movement(row.getString("kind"), row.getLong("points"),
                        Optional.ofNullable(row.getObject("booking_id", UUID.class)), instant(row, "occurred_at")))
                .list();
    }

    private void movement(UserId guest, BookingId booking, String kind, long points, Instant at) {
        jdbc.sql("INSERT INTO loyalty_movements (guest_id, booking_id, kind, points, occurred_at) VALUES (:guest, :booking, :kind, :points, :at)")
                .param("guest", guest.value())
                .param("booking", booking.value())
                .param("kind", kind)
                .param("points", points)
                .param("at", utc(at))
                .update();
    }
}
