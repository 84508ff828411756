package com.westbethel.motel.bootstrap.api.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.suite.LiveDocument.Operation;
import com.westbethel.motel.bootstrap.api.suite.SuiteActors.Who;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix (issue 10, spec 5.3): every operation of the live OpenAPI document is called as anonymous,
 * a guest, another guest, staff and an admin, and each answer is held to the one table below. An operation in the
 * document without a row fails the build, naming it; so does a row whose operation is gone.
 * <p>
 * Cells: {@code 401} not authenticated; {@code 403} refused by role (a 403 of type about:blank, not a business refusal
 * such as mfa-proof-required); {@code ok} let through (any answer but those two, and never a 5xx); {@code own} owner
 * only: the other guest is told 404 (or 403), as if the resource did not exist. Bodies are deliberately minimal ({})
 * where a valid one would change the motel: authorization is decided before the body is read.
 */
class AuthorizationMatrixIT extends AbstractSuiteIT {

    private static final long SEED = 20261201L;

    //                anonymous, guest, other guest, staff, admin
    private static final Map<String, List<String>> MATRIX = new LinkedHashMap<>();

    static {
        String[] anyone = {"ok", "ok", "ok", "ok", "ok"};
        String[] signedIn = {"401", "ok", "ok", "ok", "ok"};
        String[] frontDesk = {"401", "403", "403", "ok", "ok"};
        String[] adminOnly = {"401", "403", "403", "403", "ok"};
        String[] ownerOrStaff = {"401", "ok", "own", "ok", "ok"};
        String[] ownSession = {"401", "ok", "own", "own", "own"};
        row("POST /api/v1/auth/register", anyone);
        row("POST /api/v1/auth/login", anyone);
        row("POST /api/v1/auth/refresh", anyone);
        row("POST /api/v1/auth/verify-email", anyone);
        row("POST /api/v1/auth/resend-verification", anyone);
        row("POST /api/v1/auth/forgot-password", anyone);
        row("POST /api/v1/auth/reset-password", anyone);
        row("POST /api/v1/auth/validate-reset-token", anyone);
        row("POST /api/v1/auth/mfa/verify", anyone);
        row("POST /api/v1/auth/mfa/setup", signedIn);
        row("POST /api/v1/auth/mfa/disable", signedIn);
        row("POST /api/v1/auth/mfa/backup-codes", signedIn);
        row("GET /api/v1/users/me", signedIn);
        row("POST /api/v1/users/me/password", signedIn);
        row("GET /api/v1/users/me/sessions", signedIn);
        row("DELETE /api/v1/users/me/sessions/{id}", ownSession);
        row("GET /api/v1/users/me/login-history", signedIn);
        row("GET /api/v1/users/me/loyalty", signedIn);
        row("GET /api/v1/users/me/notification-preferences", signedIn);
        row("PUT /api/v1/users/me/notification-preferences", signedIn);
        row("GET /api/v1/notifications/unsubscribe", anyone);
        row("POST /api/v1/notifications/unsubscribe", anyone);
        row("GET /api/v1/room-types", anyone);
        row("GET /api/v1/availability", anyone);
        // Guest checkout (issue 11): anyone may book; without a bearer the guest's details are required (the {} body is refused 400).
        row("POST /api/v1/bookings", anyone);
        row("GET /api/v1/bookings", signedIn);
        // A booking's own operations: without a bearer, the Booking-Token is required (none is sent here: 401).
        row("GET /api/v1/bookings/{id}", ownerOrStaff);
        row("GET /api/v1/bookings/{id}/cancellation-quote", ownerOrStaff);
        row("POST /api/v1/bookings/{id}/payments", new String[] {"401", "ok", "own", "own", "own"});
        row("POST /api/v1/bookings/{id}/extend-hold", new String[] {"401", "ok", "own", "own", "own"});
        row("POST /api/v1/bookings/{id}/cancel", ownerOrStaff);
        row("POST /api/v1/admin/bookings/{id}/check-in", frontDesk);
        row("POST /api/v1/admin/bookings/{id}/check-out", frontDesk);
        row("POST /api/v1/admin/bookings/{id}/no-show", frontDesk);
        row("POST /api/v1/admin/bookings/{id}/move", frontDesk);
        row("GET /api/v1/admin/audit", frontDesk);
        row("GET /api/v1/admin/reports/occupancy", frontDesk);
        row("GET /api/v1/admin/dashboard/metrics", frontDesk);
        // The front desk console: walk-ins, desk payments, the booking search, the tape chart and move options.
        row("POST /api/v1/admin/bookings", frontDesk);
        row("GET /api/v1/admin/bookings", frontDesk);
        row("POST /api/v1/admin/bookings/{id}/payments", frontDesk);
        row("GET /api/v1/admin/bookings/{id}/move-options", frontDesk);
        row("GET /api/v1/admin/tape-chart", frontDesk);
        // A booking's record at the desk, and cancelling from there ({} is refused 400: waiveFee is required).
        row("GET /api/v1/admin/bookings/{id}", frontDesk);
        row("POST /api/v1/admin/bookings/{id}/cancel", frontDesk);
        // The staff console: the front desk's day and housekeeping.
        row("GET /api/v1/admin/front-desk/today", frontDesk);
        row("GET /api/v1/admin/housekeeping", frontDesk);
        row("PUT /api/v1/admin/rooms/{id}/housekeeping", frontDesk);
        // The staff console's inventory: room types and their photos, rooms and closures, rate plans, promotion codes.
        row("GET /api/v1/admin/room-types", frontDesk);
        row("POST /api/v1/admin/room-types", frontDesk);
        row("PUT /api/v1/admin/room-types/{id}", frontDesk);
        row("DELETE /api/v1/admin/room-types/{id}", frontDesk);
        row("PUT /api/v1/admin/room-types/{id}/photo", frontDesk);
        row("DELETE /api/v1/admin/room-types/{id}/photo", frontDesk);
        row("GET /api/v1/room-types/{id}/photo", anyone);
        row("GET /api/v1/admin/rooms", frontDesk);
        row("POST /api/v1/admin/rooms", frontDesk);
        row("PUT /api/v1/admin/rooms/{id}", frontDesk);
        row("DELETE /api/v1/admin/rooms/{id}", frontDesk);
        row("PUT /api/v1/admin/rooms/{id}/service", frontDesk);
        row("POST /api/v1/admin/rooms/{id}/closures", frontDesk);
        row("DELETE /api/v1/admin/rooms/{id}/closures/{closure}", frontDesk);
        row("GET /api/v1/admin/rate-plans", frontDesk);
        row("POST /api/v1/admin/rate-plans", frontDesk);
        row("PUT /api/v1/admin/rate-plans/{id}", frontDesk);
        row("DELETE /api/v1/admin/rate-plans/{id}", frontDesk);
        row("GET /api/v1/admin/promotions", frontDesk);
        row("POST /api/v1/admin/promotions", frontDesk);
        row("PUT /api/v1/admin/promotions/{id}", frontDesk);
        row("DELETE /api/v1/admin/promotions/{id}", frontDesk);
        row("POST /api/v1/admin/tokens/revoke", adminOnly);
        row("POST /api/v1/admin/users/{id}/revoke-tokens", adminOnly);
        row("GET /api/v1/admin/email-templates", adminOnly);
        row("GET /api/v1/admin/email-templates/{name}/preview", adminOnly);
        row("PUT /api/v1/admin/email-templates/{name}", adminOnly);
        row("DELETE /api/v1/admin/email-templates/{name}", adminOnly);
        // The console's admin screens: the bystander is locked and unlocked, given the staff role and has it taken, in that order.
        row("GET /api/v1/admin/users", adminOnly);
        row("POST /api/v1/admin/users/{id}/lock", adminOnly);
        row("POST /api/v1/admin/users/{id}/unlock", adminOnly);
        row("PUT /api/v1/admin/users/{id}/roles/{role}", adminOnly);
        row("DELETE /api/v1/admin/users/{id}/roles/{role}", adminOnly);
        row("GET /api/v1/admin/email-queue", adminOnly);
        row("GET /api/v1/admin/email-queue/dead", adminOnly);
        row("POST /api/v1/admin/email-queue/{id}/retry", adminOnly);
        row("GET /api/v1/admin/audit/verification", adminOnly);
        row("GET /api/v1/admin/audit/recent", adminOnly);
        // Last: they end the caller's sessions (each call has its own fresh token, but the order keeps it obvious).
        row("POST /api/v1/auth/logout", signedIn);
        row("POST /api/v1/auth/logout-all", signedIn);
    }

    private static void row(String operation, String[] cells) {
        MATRIX.put(operation, List.of(cells));
    }

    @Test
    void every_operation_of_the_document_has_a_row_and_every_row_an_operation() {
        Set<String> documented = new LiveDocument(new HttpProbe(port)).operations().keySet();
        Set<String> withoutRow = new TreeSet<>(documented);
        withoutRow.removeAll(MATRIX.keySet());
        Set<String> withoutOperation = new TreeSet<>(MATRIX.keySet());
        withoutOperation.removeAll(documented);
        assertThat(withoutRow).as("operations in the OpenAPI document without a row in AuthorizationMatrixIT.MATRIX: declare who may call them").isEmpty();
        assertThat(withoutOperation).as("rows of AuthorizationMatrixIT.MATRIX whose operation is no longer in the document").isEmpty();
    }

    @Test
    void every_operation_answers_each_role_as_the_matrix_declares_and_the_document_shows_the_lock_it_needs() {
        HttpProbe http = new HttpProbe(port);
        LiveDocument document = new LiveDocument(http);
        Map<String, Operation> operations = document.operations();
        SuiteActors actors = new SuiteActors(http, jdbc, tokens, SEED);
        String bookingId = actors.guestBooking.toString();
        List<String> faults = new ArrayList<>();
        int cells = 0;
        for (var row : MATRIX.entrySet()) {
            Operation operation = operations.get(row.getKey());
            if (operation == null) {
                continue; // reported by the test above
            }
            if (operation.locked() != row.getValue().get(0).equals("401")) {
                faults.add(row.getKey() + ": the document " + (operation.locked() ? "shows a lock" : "shows no lock")
                        + " but anonymous callers get '" + row.getValue().get(0) + "'");
            }
            for (Who who : Who.values()) {
                String expected = row.getValue().get(who.ordinal());
                String path = operation.path()
                        .replace("{id}", idFor(operation.path(), actors, bookingId))
                        .replace("{name}", "booking-confirmation")
                        .replace("{role}", "staff")
                        .replace("{closure}", UUID.randomUUID().toString());
                Reply reply = call(http, document, operation, path, actors.bearer(who));
                cells++;
                String fault = judge(expected, reply);
                if (fault != null) {
                    faults.add(row.getKey() + " as " + who + ": expected " + expected + ", got " + reply.status() + " " + fault + " "
                            + abbreviate(reply.body()));
                }
            }
        }
        System.out.printf("Authorization matrix: %d operations x %d roles = %d cells (seed %d)%n", MATRIX.size(), Who.values().length,
                cells, SEED);
        assertThat(faults).isEmpty();
    }

    private static String idFor(String path, SuiteActors actors, String bookingId) {
        if (path.startsWith("/api/v1/users/me/sessions/")) {
            return actors.guestSecondSession.toString();
        }
        if (path.startsWith("/api/v1/admin/users/")) {
            return actors.bystander.toString();
        }
        if (path.contains("/bookings/")) {
            return bookingId;
        }
        return UUID.randomUUID().toString(); // admin-only rows: decided before the id is looked at
    }

    private static Reply call(HttpProbe http, LiveDocument document, Operation operation, String path, String bearer) {
        StringBuilder query = new StringBuilder();
        for (LiveDocument.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && parameter.required()) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.name()).append('=')
                        .append(URLEncoder.encode(document.sample(parameter.schema()).asString(), StandardCharsets.UTF_8));
            }
        }
        String body = operation.key().equals("POST /api/v1/bookings/{id}/payments") ? "{\"paymentToken\":\"tok_chargeDeclined\"}" : "{}";
        HttpRequest.Builder request = http.request(path + query);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (operation.bodySchema() != null || !operation.method().equals("GET") && !operation.method().equals("DELETE")) {
            request.header("Content-Type", "application/json").method(operation.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request);
    }

    /** Null when the answer fits the cell, else what is wrong with it. */
    private static String judge(String expected, Reply reply) {
        if (reply.status() >= 500) {
            return "(a server error)";
        }
        boolean unauthenticated = reply.status() == 401 && !isBusinessRefusal(reply);
        boolean denied = reply.status() == 403 && !isBusinessRefusal(reply);
        return switch (expected) {
            case "401" -> unauthenticated ? null : "(should need a login)";
            case "403" -> denied ? null : "(should be refused to this role)";
            case "ok" -> unauthenticated || denied ? "(should be let through)" : null;
            case "own" -> reply.status() == 404 || denied ? null : "(should look like someone else's)";
            default -> throw new IllegalArgumentException(expected);
        };
    }

    /** A 401 or 403 the operation itself gave (a wrong code, a proof missing), as opposed to the filter chain's. */
    private static boolean isBusinessRefusal(Reply reply) {
        if (!reply.contentType().startsWith("application/problem+json")) {
            return false;
        }
        String type = reply.json().path("type").asString("about:blank");
        return !type.equals("about:blank");
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
