package com.westbethel.motel.adapters.web.notification;

import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase;
import com.westbethel.motel.domain.notification.NotificationType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The one-click unsubscribe link of every non-essential email (RFC 8058). A mail client POSTs
 * {@code List-Unsubscribe=One-Click} to it; a guest who clicks the link in the email gets a page with
 * one button that does the same. A GET changes nothing, because link scanners fetch every link in an
 * email. No login: the signed token is the proof.
 */
@Tag(name = "Notifications")
@RestController
@RequestMapping("/api/v1/notifications/unsubscribe")
class UnsubscribeController {

    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

    private final ManageNotificationPreferencesUseCase preferences;

    UnsubscribeController(ManageNotificationPreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    @Operation(summary = "The one-click unsubscribe page (changes nothing)")
    @ApiResponse(responseCode = "200", description = "A page with one button", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "A page saying the link is not valid", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@RequestParam(defaultValue = "") String token) {
        Optional<NotificationType> target = preferences.unsubscribeTarget(token);
        if (target.isEmpty()) {
            return page(HttpStatus.BAD_REQUEST, "This unsubscribe link is not valid",
                    "<p>The link is incomplete or was changed. Use the link in the email itself, or choose what you receive in your "
                            + "account's notification settings.</p>");
        }
        String what = HtmlUtils.htmlEscape(target.get().description().toLowerCase(Locale.ROOT));
        return page(HttpStatus.OK, "Unsubscribe",
                "<p>Stop emails about: " + what + "?</p>"
                        + "<form method=\"post\" action=\"?token=" + HtmlUtils.htmlEscape(URLEncoder.encode(token, StandardCharsets.UTF_8)) + "\">"
                        + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                        + "<button type=\"submit\">Unsubscribe</button></form>"
                        + "<p>Booking, account and security emails keep coming: they are part of your stays and your account.</p>");
    }

    @Operation(summary = "Unsubscribe with the signed link (RFC 8058 one-click)")
    @ApiResponse(responseCode = "200", description = "A page confirming it", content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @PostMapping
    ResponseEntity<?> unsubscribe(@RequestParam(defaultValue = "") String token) {
        if (!preferences.unsubscribe(token)) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-unsubscribe-link", "Invalid unsubscribe link",
                    "The link is incomplete or was changed; nothing was unsubscribed.");
        }
        return page(HttpStatus.OK, "You are unsubscribed", "<p>You will not receive these emails any more. You can turn them back on "
                + "in your account's notification settings.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + title + " - West Bethel Motel</title></head>"
                + "<body style=\"font-family:Georgia,serif;max-width:520px;margin:40px auto;padding:0 16px;color:#2b2b2b;\">"
                + "<h1 style=\"color:#2f4f3a;font-size:24px;\">" + title + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PAGE_POLICY)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(html);
    }
}
