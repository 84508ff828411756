package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase.RetryResult;
import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.in.EmailQueueReport;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase;
import com.westbethel.motel.application.notification.port.out.EmailQueueMaintenance.DeadEmail;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mail", description = "The outgoing email queue (the worker sends it) and the email templates.", mixinStandardHelpOptions = true,
        subcommands = {MailCommand.Status.class, MailCommand.Dead.class, MailCommand.Retry.class, MailCommand.Purge.class, MailCommand.Preview.class})
class MailCommand {

    @Command(name = "status", mixinStandardHelpOptions = true, description = "How many emails stand in each status, and how long the oldest has waited.",
            footer = {"", "Example:", "  motel-admin mail status --json"})
    static class Status extends AdminCommand {

        @Mixin
        JsonOption format;

        @Override
        public Integer call() {
            EmailQueueReport report = beans.get(InspectEmailQueueUseCase.class).inspectEmailQueue();
            Map<String, Object> status = new LinkedHashMap<>();
            for (EmailStatus each : EmailStatus.values()) {
                if (each != EmailStatus.SENT) {
                    status.put(each.name(), report.count(each));
                }
            }
            if (format.json) {
                output.json(Map.of("unsentByStatus", status, "awaitingDelivery", report.awaitingDelivery(),
                        "oldestWaitSeconds", report.oldestWait().toSeconds()));
            } else {
                status.forEach((name, count) -> output.out().printf("%-9s %d%n", name, (Long) count));
                output.out().printf("Oldest waiting email: %s%n", report.awaitingDelivery() == 0 ? "none" : human(report.oldestWait()));
            }
            return 0;
        }

        private static String human(Duration wait) {
            return wait.toHours() > 0 ? wait.toHours() + " h " + wait.toMinutesPart() + " min" : wait.toMinutes() + " min " + wait.toSecondsPart() + " s";
        }
    }

    @Command(name = "dead", mixinStandardHelpOptions = true, description = "Emails that failed every attempt, newest first.",
            footer = {"", "Example:", "  motel-admin mail dead --limit 20"})
    static class Dead extends AdminCommand {

        @Mixin
        ListingOptions listing;

        @Override
        public Integer call() {
            List<DeadEmail> dead = beans.get(AdministerEmailQueueUseCase.class).dead(listing.limit);
            output.list(listing, dead, List.of("ID", "TEMPLATE", "RECIPIENT", "ATTEMPTS", "QUEUED", "LAST ERROR"),
                    email -> List.of(email.id().toString(), email.template(), email.recipient(), String.valueOf(email.attempts()),
                            email.createdAt().toString(), email.lastError().replaceAll("\\s+", " ")));
            return 0;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Queues dead emails again (with a fresh count of attempts). Verification and reset emails stay dead: their "
                    + "one-time link was scrubbed, so the guest asks for a new one.",
            footer = {"", "Examples:", "  motel-admin mail retry 3f1c1f0e-8a4b-4c55-9d7e-2b1a6f0c9d11", "  motel-admin mail retry --all-dead"})
    static class Retry extends AdminCommand {

        @ArgGroup(multiplicity = "1")
        Which which;

        static class Which {
            @Parameters(paramLabel = "ID", description = "The email's id (from mail dead).")
            UUID id;

            @Option(names = "--all-dead", description = "Every dead email that can be sent again.")
            boolean allDead;
        }

        @Override
        public Integer call() {
            AdministerEmailQueueUseCase queue = beans.get(AdministerEmailQueueUseCase.class);
            if (which.allDead) {
                output.out().println("Queued " + queue.retryAllDead(MotelAdmin.ACTOR) + " dead email(s) again.");
                return 0;
            }
            RetryResult result = queue.retry(which.id, MotelAdmin.ACTOR);
            Optional<String> problem = switch (result) {
                case QUEUED -> Optional.empty();
                case NOT_FOUND -> Optional.of("There is no email " + which.id + ".");
                case NOT_DEAD -> Optional.of("Email " + which.id + " is not dead; the worker is still trying it or has sent it.");
                case LINK_SCRUBBED -> Optional.of("Email " + which.id + " carried a one-time link that was scrubbed when it died; "
                        + "the guest must ask for a new one.");
            };
            if (problem.isPresent()) {
                output.err().println("motel-admin: " + problem.get());
                return MotelAdmin.FAILURE;
            }
            output.out().println("Queued email " + which.id + " again.");
            return 0;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true, description = "Deletes sent emails older than a duration (history only; unsent mail stays).",
            footer = {"", "Example:", "  motel-admin mail purge --sent-older-than 90d"})
    static class Purge extends AdminCommand {

        @Option(names = "--sent-older-than", required = true, converter = DurationConverter.class, paramLabel = "DURATION",
                description = "Such as 90d, 12h or 30m.")
        Duration olderThan;

        @Override
        public Integer call() {
            output.out().println("Deleted " + beans.get(AdministerEmailQueueUseCase.class).purgeSent(olderThan) + " sent email(s).");
            return 0;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Renders a template with sample data, as guests would get it (an administrator's edit included): the HTML, "
                    + "or the plain text with --text.",
            footer = {"", "Examples:", "  motel-admin mail preview booking-confirmation > preview.html",
                "  motel-admin mail preview password-reset --text"})
    static class Preview extends AdminCommand {

        @Parameters(paramLabel = "TEMPLATE", description = "welcome-email, email-verification, password-reset, password-changed, security-alert, sign-up-attempt, "
                + "booking-confirmation, booking-cancelled, payment-receipt, payment-failed or loyalty-points-earned.")
        String template;

        @Option(names = "--locale", defaultValue = "en", description = "Default: ${DEFAULT-VALUE}.")
        String locale;

        @Option(names = "--text", description = "The plain-text part instead of the HTML.")
        boolean text;

        @Override
        public Integer call() {
            Optional<RenderedEmail> preview = beans.get(ManageEmailTemplatesUseCase.class).preview(template, locale);
            if (preview.isEmpty()) {
                output.err().println("motel-admin: There is no email template called " + template + ".");
                return MotelAdmin.FAILURE;
            }
            output.err().println("Subject: " + preview.get().subject());
            output.out().println(text ? preview.get().text() : preview.get().html());
            return 0;
        }
    }
}
