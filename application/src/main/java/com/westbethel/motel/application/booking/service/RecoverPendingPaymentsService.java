package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.RecoverPendingPaymentsUseCase;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.booking.port.out.Payments.PendingPayment;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The worker's side of {@link StalledPayments}: claims the stalled payments one at a time (each claim is a lease, so several
 * workers take different payments) and finishes each. One that fails (the processor cannot say, recording fails) is
 * reported and left PENDING under its lease; the run goes on with the others.
 */
public class RecoverPendingPaymentsService implements RecoverPendingPaymentsUseCase {

    static final String NOT_RECEIVED = StalledPayments.NOT_RECEIVED;
    private static final int BATCH = 100;

    private final StalledPayments stalled;
    private final Transactions transactions;

    public RecoverPendingPaymentsService(Bookings bookings, Inventory inventory, Payments payments, PaymentGateway gateway, LoyaltyLedger loyalty,
            Users users, NotificationEvents events, AuditLog auditLog, ManageLinks manageLinks, Transactions transactions, PaymentSettings settings,
            Clock clock, BusinessMetrics metrics) {
        PaymentOutcomes outcomes = new PaymentOutcomes(bookings, inventory, payments, gateway, loyalty, new BookingNotifications(events, users, inventory),
                new BookingAudit(auditLog), manageLinks, clock, metrics);
        this.stalled = new StalledPayments(payments, gateway, outcomes, transactions, settings, clock);
        this.transactions = transactions;
    }

    @Override
    @OpensItsOwnTransaction
    public Recovery recoverPendingPayments() {
        int recorded = 0;
        Map<UUID, RuntimeException> failed = new LinkedHashMap<>();
        for (int claimed = 0; claimed < BATCH; claimed++) {
            Optional<PendingPayment> payment = transactions.inTransaction(stalled::claimOldest);
            if (payment.isEmpty()) {
                break;
            }
            try {
                stalled.finish(payment.get(), "system:payment-recovery", Optional.empty());
                recorded++;
            } catch (RuntimeException cannotSay) {
                failed.put(payment.get().paymentId(), cannotSay);
            }
        }
        return new Recovery(recorded, failed);
    }
}
