package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.RecoverPendingPaymentsUseCase;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.PaymentGateway.Charge;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.booking.port.out.Payments.PendingPayment;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Finishes payments left PENDING longer than {@code threshold}: their process stopped between charging the card and
 * recording the outcome. The processor is asked what it did under the payment's key, with no transaction open, and the
 * answer is recorded as the payment itself would have ({@link PaymentOutcomes}); a charge it never received is recorded as
 * declined, nothing charged. The threshold must be longer than any charge may take, or a charge still under way would be
 * recorded as never received (its approval, arriving later, is then refunded). Safe on several workers: each payment is
 * recorded under its booking's lock, and once.
 */
public class RecoverPendingPaymentsService implements RecoverPendingPaymentsUseCase {

    static final String NOT_RECEIVED = "The payment was interrupted before the card was charged; nothing was charged. Please pay again.";
    private static final int BATCH = 100;

    private final Payments payments;
    private final PaymentGateway gateway;
    private final PaymentOutcomes outcomes;
    private final Transactions transactions;
    private final Duration threshold;
    private final Clock clock;

    public RecoverPendingPaymentsService(Bookings bookings, Inventory inventory, Payments payments, PaymentGateway gateway, LoyaltyLedger loyalty,
            Users users, NotificationEvents events, AuditLog auditLog, ManageLinks manageLinks, Transactions transactions, Duration threshold,
            Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.outcomes = new PaymentOutcomes(bookings, inventory, payments, gateway, loyalty, new BookingNotifications(events, users, inventory),
                new BookingAudit(auditLog), manageLinks, clock);
        this.transactions = transactions;
        this.threshold = threshold;
        this.clock = clock;
    }

    @Override
    @OpensItsOwnTransaction
    public int recoverPendingPayments() {
        List<PendingPayment> stalled = transactions.inTransaction(() -> payments.pendingSince(clock.instant().minus(threshold), BATCH));
        for (PendingPayment payment : stalled) {
            Charge charge = gateway.lookup(payment.gatewayKey()).orElse(new Charge.Declined(NOT_RECEIVED));
            transactions.inTransaction(() -> outcomes.record(payment.paymentId(), charge, "system:payment-recovery"));
        }
        return stalled.size();
    }
}
