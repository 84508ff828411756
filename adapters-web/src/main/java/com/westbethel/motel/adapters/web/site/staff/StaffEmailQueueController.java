package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.adapters.web.notification.MaskedRecipients;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.in.EmailQueueReport;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff/admin/email-queue} (admins only): how many emails wait, are being sent, are dead and were sent in the last
 * 24 hours; the dead ones (recipients masked) each with a button that queues it again, audited under the admin.
 */
@Controller
class StaffEmailQueueController {

    private static final int DEAD_SHOWN = 50;

    private final InspectEmailQueueUseCase inspect;
    private final AdministerEmailQueueUseCase queue;
    private final BrowseRoomTypesUseCase motel;
    private final StaffLabels labels;

    StaffEmailQueueController(InspectEmailQueueUseCase inspect, AdministerEmailQueueUseCase queue, BrowseRoomTypesUseCase motel, StaffLabels labels) {
        this.inspect = inspect;
        this.queue = queue;
        this.motel = motel;
        this.labels = labels;
    }

    @GetMapping("/staff/admin/email-queue")
    String queue(Model model) {
        EmailQueueReport report = inspect.inspectEmailQueue();
        model.addAttribute("pending", report.awaitingDelivery());
        model.addAttribute("sending", report.count(EmailStatus.SENDING));
        model.addAttribute("deadCount", report.count(EmailStatus.DEAD));
        model.addAttribute("sent", queue.sentWithin(Duration.ofHours(24)));
        ZoneId zone = StaffLabels.motelZone(motel);
        model.addAttribute("dead", queue.dead(DEAD_SHOWN).stream()
                .map(email -> new DeadLine(email.id(), email.template(), MaskedRecipients.mask(email.recipient()), email.attempts(),
                        MaskedRecipients.maskWithin(email.lastError()), labels.minute(email.createdAt(), zone)))
                .toList());
        return "staff/admin-email-queue";
    }

    @PostMapping("/staff/admin/email-queue/{id}/retry")
    String retry(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, RedirectAttributes flash) {
        switch (queue.retry(id, "admin:" + caller.user())) {
            case QUEUED -> flash.addFlashAttribute("notice", "The email is queued again; the worker sends it within a minute.");
            case NOT_FOUND -> flash.addFlashAttribute("problem", "Could not send it again: there is no such email.");
            case NOT_DEAD -> flash.addFlashAttribute("problem", "Could not send it again: it is not dead (being retried or already sent).");
            case LINK_SCRUBBED -> flash.addFlashAttribute("problem",
                    "Could not send it again: its one-time link was scrubbed when it died; the guest must ask for a new one.");
        }
        return "redirect:/staff/admin/email-queue";
    }

    /** A dead email as the page lists it. */
    record DeadLine(UUID id, String template, String recipient, int attempts, String lastError, String queued) {
    }
}
