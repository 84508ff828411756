package com.westbethel.motel.adapters.web.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The rules every operation of the document follows, applied in one place rather than in hundreds of annotations:
 * which operations need a bearer (the lock; for a booking's own operations, or the booking's token; for guest checkout, no
 * lock at all), and the problem+json answers each one can give, with the problem
 * {@code type}s a client can branch on. Summaries, tags and 2xx bodies stay on the operations themselves.
 * <p>
 * The public operations mirror {@code SecurityConfiguration}; the authorization matrix test (bootstrap-api) calls
 * every operation anonymously and fails when the lock shown here and the answer given there disagree.
 */
final class ApiConventions implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String BLANK = "about:blank";

    /** Operations anyone may call: no lock. */
    static final Set<String> PUBLIC = Set.of(
            "POST /api/v1/auth/register", "POST /api/v1/auth/login", "POST /api/v1/auth/refresh", "POST /api/v1/auth/verify-email",
            "POST /api/v1/auth/resend-verification", "POST /api/v1/auth/forgot-password", "POST /api/v1/auth/reset-password",
            "POST /api/v1/auth/validate-reset-token", "POST /api/v1/auth/mfa/verify",
            "GET /api/v1/room-types", "GET /api/v1/room-types/{id}/photo", "GET /api/v1/availability",
            "GET /api/v1/notifications/unsubscribe", "POST /api/v1/notifications/unsubscribe");

    /** Guest checkout: a bearer books for the account; without one, the guest's details in the body (or 401). */
    static final Set<String> BEARER_OPTIONAL = Set.of("POST /api/v1/bookings");

    /** A booking's own operations: its owner's bearer, or the Booking-Token a booking made without an account was given. */
    static final Set<String> BEARER_OR_BOOKING_TOKEN = Set.of("GET /api/v1/bookings/{id}", "POST /api/v1/bookings/{id}/payments",
            "POST /api/v1/bookings/{id}/cancel", "POST /api/v1/bookings/{id}/extend-hold", "GET /api/v1/bookings/{id}/cancellation-quote");

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad request: malformed JSON, a wrong type, a failed validation (each field named in errors) or a refused value"),
            Map.entry(401, "Not authenticated, or the credentials or code were refused, or an Authorization header was sent that "
                    + "does not authenticate (refused on every operation, the open ones included)"),
            Map.entry(402, "Payment declined"),
            Map.entry(403, "Authenticated, but not allowed to do this"),
            Map.entry(404, "Not found (or not yours)"),
            Map.entry(409, "Conflicts with the current state"),
            Map.entry(415, "The request body is not application/json"),
            Map.entry(422, "Understood, but refused by a business rule"),
            Map.entry(429, "Too many requests: wait for Retry-After seconds"),
            Map.entry(500, "Unexpected error: logged, nothing of the server's insides revealed"),
            Map.entry(503, "The database cannot be reached or answers too slowly: try again after Retry-After seconds"));

    private static final Set<String> REFUSALS_PREFIXES = Set.of("/api/v1/bookings", "/api/v1/admin/bookings", "/api/v1/admin/room-types",
            "/api/v1/admin/rooms", "/api/v1/admin/rate-plans", "/api/v1/admin/promotions");

    /** Problem types beyond the generic ones, by operation and status (see each controller's refusals). */
    private static final Map<String, Map<Integer, List<String>>> SPECIFIC = Map.ofEntries(
            Map.entry("POST /api/v1/auth/register", Map.of(400, List.of("weak-password"))),
            Map.entry("POST /api/v1/auth/login", Map.of(401, List.of("bad-credentials"), 403, List.of("email-not-verified", "account-disabled"),
                    429, List.of("login-locked"))),
            Map.entry("POST /api/v1/auth/refresh", Map.of(401, List.of("invalid-refresh-token", "refresh-token-reused", "session-expired"))),
            Map.entry("POST /api/v1/auth/verify-email", Map.of(400, List.of("invalid-token"))),
            Map.entry("POST /api/v1/auth/reset-password", Map.of(400, List.of("invalid-token", "weak-password"))),
            Map.entry("POST /api/v1/auth/mfa/verify", Map.of(400, List.of("invalid-mfa-code"),
                    401, List.of("invalid-mfa-code", "invalid-mfa-token", "mfa-token-required"), 403, List.of("email-not-verified", "account-disabled"),
                    409, List.of("mfa-not-started"), 429, List.of("login-locked"))),
            Map.entry("POST /api/v1/auth/mfa/setup", Map.of(400, List.of("wrong-password"), 409, List.of("mfa-already-enabled"),
                    429, List.of("mfa-setup-locked"))),
            Map.entry("POST /api/v1/auth/mfa/disable", Map.of(403, List.of("mfa-proof-required"), 429, List.of("reauthentication-locked"))),
            Map.entry("POST /api/v1/auth/mfa/backup-codes", Map.of(400, List.of("invalid-mfa-code"))),
            Map.entry("GET /api/v1/users/me", Map.of(404, List.of("not-found"))),
            Map.entry("POST /api/v1/users/me/password", Map.of(400, List.of("weak-password", "wrong-password"),
                    429, List.of("reauthentication-locked"))),
            Map.entry("PUT /api/v1/users/me/notification-preferences", Map.of(422, List.of("preference-refused"))),
            Map.entry("POST /api/v1/notifications/unsubscribe", Map.of(400, List.of("invalid-unsubscribe-link"))),
            Map.entry("GET /api/v1/admin/email-templates/{name}/preview", Map.of(400, List.of("invalid-request"))),
            Map.entry("PUT /api/v1/admin/email-templates/{name}", Map.of(422, List.of("template-refused"))),
            Map.entry("GET /api/v1/availability", Map.of(400, List.of("invalid-booking-request"))),
            Map.entry("GET /api/v1/admin/reports/occupancy", Map.of(400, List.of("invalid-report-range", "invalid-request"), 404, List.of("not-found"))),
            Map.entry("POST /api/v1/bookings", Map.of(400, List.of("invalid-idempotency-key"), 409, List.of("too-many-unpaid-holds"))),
            Map.entry("POST /api/v1/bookings/{id}/payments", Map.of(400, List.of("invalid-idempotency-key"), 401, List.of("invalid-booking-token"),
                    402, List.of("payment-declined"), 503, List.of("payment-pending"))),
            Map.entry("GET /api/v1/bookings/{id}", Map.of(401, List.of("invalid-booking-token"))),
            Map.entry("POST /api/v1/bookings/{id}/cancel", Map.of(401, List.of("invalid-booking-token"))),
            Map.entry("POST /api/v1/bookings/{id}/extend-hold", Map.of(401, List.of("invalid-booking-token"))),
            Map.entry("GET /api/v1/bookings/{id}/cancellation-quote", Map.of(401, List.of("invalid-booking-token"),
                    409, List.of("booking-state"))),
            Map.entry("POST /api/v1/admin/bookings", Map.of(400, List.of("invalid-idempotency-key"))),
            Map.entry("GET /api/v1/admin/bookings", Map.of(400, List.of("invalid-booking-request"))),
            Map.entry("GET /api/v1/admin/tape-chart", Map.of(400, List.of("invalid-booking-request"))),
            Map.entry("GET /api/v1/admin/bookings/{id}/move-options", Map.of(409, List.of("booking-state"))),
            // The staff console: a day too far away (naming date), a motel without a property.
            Map.entry("GET /api/v1/admin/front-desk/today", Map.of(400, List.of("invalid-booking-request"), 404, List.of("not-found"))),
            Map.entry("GET /api/v1/admin/housekeeping", Map.of(404, List.of("not-found"))),
            // The console's admin screens: a refused account change (your own account, the last admin), a dead email that cannot be sent again.
            Map.entry("GET /api/v1/admin/users", Map.of(400, List.of("invalid-request"))),
            Map.entry("POST /api/v1/admin/users/{id}/lock", Map.of(409, List.of("account-change-refused"))),
            Map.entry("PUT /api/v1/admin/users/{id}/roles/{role}", Map.of(400, List.of("invalid-request"))),
            Map.entry("DELETE /api/v1/admin/users/{id}/roles/{role}", Map.of(400, List.of("invalid-request"), 409, List.of("account-change-refused"))),
            Map.entry("GET /api/v1/admin/email-queue/dead", Map.of(400, List.of("invalid-request"))),
            Map.entry("POST /api/v1/admin/email-queue/{id}/retry", Map.of(409, List.of("email-not-dead", "email-link-scrubbed"))),
            Map.entry("GET /api/v1/admin/audit/recent", Map.of(400, List.of("invalid-request"))),
            // The staff console's inventory: a motel without a property; a change that would leave bookings without their room.
            Map.entry("GET /api/v1/admin/room-types", Map.of(404, List.of("not-found"))),
            Map.entry("GET /api/v1/admin/rooms", Map.of(404, List.of("not-found"))),
            Map.entry("GET /api/v1/admin/rate-plans", Map.of(404, List.of("not-found"))),
            Map.entry("GET /api/v1/admin/promotions", Map.of(404, List.of("not-found"))),
            Map.entry("PUT /api/v1/admin/rooms/{id}/service", Map.of(409, List.of("bookings-ahead"))),
            Map.entry("POST /api/v1/admin/rooms/{id}/closures", Map.of(409, List.of("bookings-ahead"))),
            Map.entry("PUT /api/v1/admin/rooms/{id}", Map.of(409, List.of("bookings-ahead"))),
            Map.entry("DELETE /api/v1/admin/rooms/{id}", Map.of(409, List.of("bookings-ahead"))),
            Map.entry("DELETE /api/v1/admin/room-types/{id}", Map.of(409, List.of("bookings-ahead"))),
            Map.entry("PUT /api/v1/admin/room-types/{id}/photo", Map.of(415, List.of("unsupported-media"))));

    /** The booking use cases' refusals (see Refusals in the booking web adapter). */
    private static final Map<Integer, List<String>> BOOKING_REFUSALS = Map.of(400, List.of("invalid-booking-request"),
            404, List.of("not-found"), 409, List.of("sold-out", "booking-state", "conflict"), 422, List.of("idempotency-key-reused"));

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setSecurity(null);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                customise(method.name() + " " + path, path, method, operation)));
        openApi.getComponents().getSchemas().values().forEach(ApiConventions::optionalMeansNullable);
    }

    private void customise(String key, String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured = !PUBLIC.contains(key);
        // An explicit empty list: anyone may call it (no lock), rather than "not said". An empty requirement among others: the
        // lock is optional (guest checkout).
        operation.setSecurity(secured ? security(key) : new ArrayList<>());

        Map<Integer, Set<String>> problems = new TreeMap<>();
        // Any request can be refused before it reaches the operation (a path, a query or a request line the server cannot
        // read), so every operation may answer 400, not only those that take input.
        add(problems, 400, BLANK);
        // A bearer that does not authenticate is refused before any operation, the open ones too (BearerTokenFilter).
        add(problems, 401, BLANK);
        if (secured) {
            add(problems, 403, BLANK);
        }
        if (path.contains("{")) {
            add(problems, 404, "/problems/not-found");
        }
        if (operation.getRequestBody() != null) {
            add(problems, 415, BLANK);
        }
        add(problems, 429, BLANK);
        if (method != PathItem.HttpMethod.GET && REFUSALS_PREFIXES.stream().anyMatch(path::startsWith)) {
            BOOKING_REFUSALS.forEach((status, types) -> types.forEach(type -> add(problems, status, "/problems/" + type)));
        }
        SPECIFIC.getOrDefault(key, Map.of()).forEach((status, types) -> types.forEach(type -> add(problems, status, "/problems/" + type)));
        add(problems, 500, BLANK);
        add(problems, 503, "/problems/service-unavailable");

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (responses.get("204") != null) {
            responses.get("204").setContent(null); // no content, whatever the method's declared return type
        }
        problems.forEach((status, types) -> {
            ApiResponse existing = responses.get(String.valueOf(status));
            if (existing != null && existing.getContent() != null && existing.getContent().containsKey("text/html")) {
                // A page for people (the unsubscribe link): its own refusals are pages; what the server refuses before
                // the page is reached (an unreadable request line or query) is problem+json like any other error.
                existing.getContent().addMediaType(PROBLEM_JSON, new MediaType().schema(problemSchema(List.copyOf(types))));
                return;
            }
            responses.addApiResponse(String.valueOf(status), new ApiResponse().description(REASONS.get(status))
                    .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problemSchema(List.copyOf(types))))));
        });
        operation.setResponses(responses);
    }

    private static List<SecurityRequirement> security(String key) {
        SecurityRequirement bearer = new SecurityRequirement().addList("bearer");
        if (BEARER_OPTIONAL.contains(key)) {
            return List.of(bearer, new SecurityRequirement());
        }
        if (BEARER_OR_BOOKING_TOKEN.contains(key)) {
            return List.of(bearer, new SecurityRequirement().addList("bookingToken"));
        }
        return List.of(bearer);
    }

    private static void add(Map<Integer, Set<String>> problems, int status, String type) {
        problems.computeIfAbsent(status, ignored -> new LinkedHashSet<>()).add(type);
    }

    /** RFC 9457 problem details as this API writes them; with types, the {@code type} is one of those. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema(List<String> types) {
        StringSchema type = new StringSchema();
        type.setDescription("What kind of problem: branch on this, not on the text. Absent or about:blank: the HTTP status says it all.");
        if (types != null) {
            type.setEnum(new ArrayList<>(types));
        }
        Schema error = new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        Schema problem = new ObjectSchema()
                .addProperty("type", type)
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(error).description("One entry per invalid field"))
                .addProperty("advice", new StringSchema().description("How to choose a password that is accepted (weak-password)"))
                .addProperty("paymentId", new StringSchema().format("uuid").description("The declined payment (payment-declined)"));
        problem.setRequired(List.of("title", "status")); // no type means about:blank (RFC 9457)
        if (types == null) {
            problem.setDescription("RFC 9457 problem details");
        }
        return problem;
    }

    /** Fields a record may leave out are written as null: the document says so, so that a validating client accepts them. */
    @SuppressWarnings("rawtypes")
    private static void optionalMeansNullable(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<?> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = (Map<String, Schema>) schema.getProperties();
        properties.replaceAll((name, property) -> "decimal".equals(property.getFormat()) ? decimal(property) : property);
        properties.forEach((name, property) -> {
            if (!required.contains(name) && property.get$ref() == null) {
                property.setNullable(true);
            }
        });
    }

    /** An amount in a request: Jackson reads a JSON number or a decimal string, so the document accepts both. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema decimal(Schema number) {
        Schema either = new Schema();
        either.setDescription(number.getDescription());
        either.setExample(number.getExample() == null ? null : number.getExample().toString());
        Schema asNumber = new io.swagger.v3.oas.models.media.NumberSchema();
        asNumber.setMinimum(number.getMinimum());
        either.setOneOf(List.of(asNumber, new StringSchema().pattern("^-?[0-9]{1,8}(\\.[0-9]{1,2})?$")));
        return either;
    }
}
