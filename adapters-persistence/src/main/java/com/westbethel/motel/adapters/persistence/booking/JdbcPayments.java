package com.westbethel.motel.adapters.persistence.booking;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.RefundView;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payments and their refunds in {@code payments}; at most one successful payment per booking (a unique index). A payment
 * is PENDING from before its card is charged until its outcome is recorded (V18); a stalled one is claimed by one recovery
 * at a time under a lease ({@code recovery_claimed_until}). A payment taken at the front desk (V23: {@code method} CASH or
 * CARD_PRESENT) is written SUCCEEDED at once, with no processor key or reference.
 */
public record JdbcPayments(JdbcClient jdbc) implements Payments {

    @Override
    public void record(PaymentView payment, Optional<String> gatewayReference) {
        jdbc.sql("""
                        INSERT INTO payments (id, booking_id, amount, currency, status, gateway_reference, decline_reason, created_at, completed_at)
                        VALUES (:id, :booking, :amount, :currency, :status, :reference, :reason, :createdAt, :createdAt)
                        """)
                .param("id", payment.id())
                .param("booking", payment.bookingId())
                .param("amount", payment.amount().amount())
                .param("currency", payment.amount().currency().getCurrencyCode())
                .param("status", payment.status().name())
                .param("reference", gatewayReference.orElse(null))
                .param("reason", payment.declineReason().orElse(null))
                .param("createdAt", utc(payment.createdAt()))
                .update();
    }

    @Override
    public void recordDeskPayment(PaymentView payment) {
        if (!payment.method().atTheDesk() || payment.status() != PaymentStatus.SUCCEEDED) {
            throw new IllegalArgumentException("a desk payment is CASH or CARD_PRESENT, and taken (SUCCEEDED)");
        }
        jdbc.sql("""
                        INSERT INTO payments (id, booking_id, amount, currency, status, method, created_at, completed_at)
                        VALUES (:id, :booking, :amount, :currency, 'SUCCEEDED', :method, :createdAt, :createdAt)
                        """)
                .param("id", payment.id())
                .param("booking", payment.bookingId())
                .param("amount", payment.amount().amount())
                .param("currency", payment.amount().currency().getCurrencyCode())
                .param("method", payment.method().name())
                .param("createdAt", utc(payment.createdAt()))
                .update();
    }

    @Override
    public void recordPending(PaymentView payment, String gatewayKey) {
        jdbc.sql("""
                        INSERT INTO payments (id, booking_id, amount, currency, status, gateway_key, created_at)
                        VALUES (:id, :booking, :amount, :currency, 'PENDING', :key, :createdAt)
                        """)
                .param("id", payment.id())
                .param("booking", payment.bookingId())
                .param("amount", payment.amount().amount())
                .param("currency", payment.amount().currency().getCurrencyCode())
                .param("key", gatewayKey)
                .param("createdAt", utc(payment.createdAt()))
                .update();
    }

    @Override
    public void complete(UUID paymentId, PaymentStatus status, Optional<String> gatewayReference, Optional<String> declineReason, Instant at) {
        int completed = jdbc.sql("""
                        UPDATE payments SET status = :status, gateway_reference = :reference, decline_reason = :reason, completed_at = :at
                        WHERE id = :id AND status = 'PENDING'
                        """)
                .param("id", paymentId)
                .param("status", status.name())
                .param("reference", gatewayReference.orElse(null))
                .param("reason", declineReason.orElse(null))
                .param("at", utc(at))
                .update();
        if (completed != 1) {
            throw new IllegalStateException("payment " + paymentId + " is not pending");
        }
    }

    @Override
    public Optional<PendingPayment> claimStalled(Instant before, Instant now, Duration lease) {
        return claim("", null, before, now, lease);
    }

    @Override
    public Optional<PendingPayment> claimStalled(BookingId booking, Instant before, Instant now, Duration lease) {
        return claim("AND booking_id = :booking", booking.value(), before, now, lease);
    }

    /** One statement: SKIP LOCKED, so concurrent recoveries take different payments; the lease keeps it theirs afterwards. */
    private Optional<PendingPayment> claim(String ofBooking, UUID booking, Instant before, Instant now, Duration lease) {
        return jdbc.sql("""
                        UPDATE payments SET recovery_claimed_until = :until
                        WHERE id = (SELECT id FROM payments WHERE status = 'PENDING' AND created_at < :before %s
                                    AND (recovery_claimed_until IS NULL OR recovery_claimed_until <= :now)
                                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, booking_id, gateway_key
                        """.formatted(ofBooking))
                .param("until", utc(now.plus(lease)))
                .param("before", utc(before))
                .param("now", utc(now))
                .params(booking == null ? Map.of() : Map.of("booking", booking))
                .query((row, number) -> new PendingPayment(row.getObject("id", UUID.class), row.getObject("booking_id", UUID.class),
                        row.getString("gateway_key")))
                .optional();
    }

    @Override
    public void recordRefundedLateCharge(UUID paymentId, String gatewayReference, Instant at) {
        int refunded = jdbc.sql("""
                        UPDATE payments SET status = 'REFUNDED', gateway_reference = :reference, decline_reason = NULL, refunded = amount,
                        refunded_at = :at WHERE id = :id AND status = 'DECLINED'
                        """)
                .param("id", paymentId)
                .param("reference", gatewayReference)
                .param("at", utc(at))
                .update();
        if (refunded != 1) {
            throw new IllegalStateException("payment " + paymentId + " is not recorded as declined");
        }
    }

    @Override
    public Optional<PaymentView> find(UUID paymentId) {
        return jdbc.sql("SELECT * FROM payments WHERE id = :id").param("id", paymentId).query(JdbcPayments::payment).optional();
    }

    @Override
    public List<PaymentView> ofBooking(BookingId booking) {
        return jdbc.sql("SELECT * FROM payments WHERE booking_id = :booking ORDER BY created_at, id")
                .param("booking", booking.value())
                .query(JdbcPayments::payment)
                .list();
    }

    @Override
    public List<RefundView> refundsOf(BookingId booking) {
        return jdbc.sql("SELECT id, refunded, currency, refunded_at FROM payments WHERE booking_id = :booking AND refunded > 0 ORDER BY refunded_at, id")
                .param("booking", booking.value())
                .query((row, number) -> new RefundView(row.getObject("id", UUID.class),
                        new Money(row.getBigDecimal("refunded"), Currency.getInstance(row.getString("currency"))), instant(row, "refunded_at")))
                .list();
    }

    private static PaymentView payment(ResultSet row, int number) throws SQLException {
        return new PaymentView(row.getObject("id", UUID.class), row.getObject("booking_id", UUID.class), PaymentStatus.valueOf(row.getString("status")),
                new Money(row.getBigDecimal("amount"), Currency.getInstance(row.getString("currency"))),
                Optional.ofNullable(row.getString("decline_reason")), instant(row, "created_at"), PaymentMethod.valueOf(row.getString("method")));
    }

    @Override
    public Optional<SucceededPayment> succeededFor(BookingId booking) {
        return jdbc.sql("SELECT id, amount, currency, gateway_reference, method FROM payments WHERE booking_id = :booking AND status = 'SUCCEEDED'")
                .param("booking", booking.value())
                .query((row, number) -> new SucceededPayment(row.getObject("id", UUID.class),
                        new Money(row.getBigDecimal("amount"), Currency.getInstance(row.getString("currency"))), row.getString("gateway_reference"),
                        PaymentMethod.valueOf(row.getString("method"))))
                .optional();
    }

    @Override
    public void recordRefund(UUID paymentId, Money amount, Instant at) {
        jdbc.sql("UPDATE payments SET refunded = refunded + :amount, refunded_at = :at WHERE id = :id")
                .param("id", paymentId)
                .param("amount", amount.amount())
                .param("at", utc(at))
                .update();
    }
}
