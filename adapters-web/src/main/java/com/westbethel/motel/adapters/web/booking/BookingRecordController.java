package com.westbethel.motel.adapters.web.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.westbethel.motel.adapters.web.audit.AuditJson;
import com.westbethel.motel.adapters.web.booking.BookingController.CancellationQuoteJson;
import com.westbethel.motel.adapters.web.booking.BookingController.PaymentJson;
import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewBookingRecordUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingRecordUseCase.BookingRecord;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.RefundView;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.notification.port.out.EmailHistory.EmailRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/admin/bookings/{id} for the front desk (staff and admins): one booking in full (payments, refunds, the emails sent
 * about it, its audited history) and cancelling it from the desk, under the policy or with the fee waived for a reason.
 */
@Tag(name = "Front desk")
@RestController
@RequestMapping("/api/v1/admin")
class BookingRecordController {

    private final ViewBookingRecordUseCase records;
    private final CancelBookingUseCase cancellations;

    BookingRecordController(ViewBookingRecordUseCase records, CancelBookingUseCase cancellations) {
        this.records = records;
        this.cancellations = cancellations;
    }

    /**
     * @param cancellation what cancelling now under the policy refunds; absent once the booking can no longer be cancelled
     * @param history the audited changes of the booking and of its payments, oldest first
     */
    record BookingRecordJson(BookingJson booking, @Schema(example = "Queen Room") String roomType, List<PaymentJson> payments,
            List<RefundJson> refunds,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "What cancelling now under the policy gives back; absent when "
                    + "the booking can no longer be cancelled. Waiving the fee gives back all that was paid") CancellationQuoteJson cancellation,
            List<EmailJson> emails, List<AuditJson> history) {

        static BookingRecordJson of(BookingRecord record) {
            return new BookingRecordJson(BookingJson.of(record.details().booking()), record.roomTypeName(),
                    record.details().payments().stream().map(PaymentJson::of).toList(),
                    record.details().refunds().stream().map(RefundJson::of).toList(),
                    record.details().cancellation().map(CancellationQuoteJson::of).orElse(null),
                    record.emails().stream().map(EmailJson::of).toList(), record.history().stream().map(AuditJson::of).toList());
        }
    }

    record RefundJson(UUID paymentId, MoneyJson amount, @Schema(example = "2027-06-30T14:05:00Z") Instant refundedAt) {

        static RefundJson of(RefundView refund) {
            return new RefundJson(refund.paymentId(), MoneyJson.of(refund.amount()), refund.refundedAt());
        }
    }

    /** An email queued about the booking: what and how its sending went, never its content (it may hold a one-time link). */
    record EmailJson(UUID id, @Schema(example = "booking-confirmation") String template,
            @Schema(description = "The guest, or the motel's own copy", example = "mia.holm@example.com") String recipient,
            @Schema(example = "SENT", allowableValues = {"QUEUED", "SENDING", "SENT", "RETRYING", "DEAD"}) String status,
            @Schema(example = "1") int attempts, @Schema(example = "2027-06-01T12:00:00Z") Instant queuedAt,
            @Schema(description = "Null until sent", example = "2027-06-01T12:00:04Z") Instant sentAt) {

        static EmailJson of(EmailRecord email) {
            return new EmailJson(email.id(), email.template(), email.recipient(), email.status().name(), email.attempts(), email.queuedAt(),
                    email.sentAt().orElse(null));
        }
    }

    /**
     * @param waiveFee required, so that a cancellation is always a choice: the policy's refund, or everything paid (with a reason)
     * @param reason why the fee is waived, kept in the audit log with the staff member's id
     */
    record DeskCancelRequest(@NotNull @Schema(description = "false: the policy's refund; true: all that was paid, whatever the policy "
            + "would keep (needs a reason)", example = "false") Boolean waiveFee,
            @Schema(description = "Required when waiveFee is true: why (1 to 500 characters, counted without the spaces around it), "
                    + "audited; refused with waiveFee false (a policy cancellation has no reason to keep)", maxLength = CancelBookingUseCase.MAX_WAIVER_REASON_LENGTH,
                    example = "Family emergency; called the day before") String reason) {
    }

    @Operation(summary = "One booking at the desk: the booking, its payments and refunds, the emails sent about it and its history", description = """
            The emails are the outbox's rows for the booking (template, status, attempts, when queued and sent), never their \
            content. The history merges the audit entries of the booking and of each of its payments, oldest first.""")
    @ApiResponse(responseCode = "200", description = "The booking's record",
            content = @Content(schema = @Schema(implementation = BookingRecordJson.class)))
    @GetMapping("/bookings/{id}")
    ResponseEntity<?> bookingRecord(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return records.record(Actors.of(caller), id).fold(record -> ResponseEntity.ok(BookingRecordJson.of(record)), Refusals::toProblem);
    }

    @Operation(summary = "Cancel a booking at the desk: under the policy, or with the fee waived for a reason", description = """
            With waiveFee false, as the guest's own cancellation: the policy's refund (see cancellation in the booking's record). With \
            waiveFee true, everything paid is refunded, and the reason (required) is audited with the staff member as \
            BOOKING_CANCELLED_FEE_WAIVED (when the policy would keep nothing, there is no fee to waive: it is cancelled under the \
            policy and audited as BOOKING_CANCELLED, the reason kept with it). A reason with waiveFee false: 400. A booking paid at the desk is refunded there: the answer's deskRefund says how much and \
            how. A booking that can no longer be cancelled (checked in, cancelled, its stay begun): 409.""")
    @ApiResponse(responseCode = "200", description = "CANCELLED", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @PostMapping("/bookings/{id}/cancel")
    ResponseEntity<?> cancelAtDesk(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Valid @RequestBody DeskCancelRequest request) {
        if (!request.waiveFee() && request.reason() != null) {
            // Not dropped silently: the caller believes it was kept.
            return Refusals.toProblem(Refusal.invalid("reason", "A reason is kept only when the fee is waived: send waiveFee true, or no reason."));
        }
        var outcome = request.waiveFee() ? cancellations.cancelWaivingFee(Actors.of(caller), id, request.reason())
                : cancellations.cancel(Actors.of(caller), id, Channel.FRONT_DESK);
        return outcome.fold(booking -> ResponseEntity.ok(BookingJson.of(booking)), Refusals::toProblem);
    }
}
