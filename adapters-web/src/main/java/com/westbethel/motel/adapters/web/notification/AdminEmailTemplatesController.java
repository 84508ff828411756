package com.westbethel.motel.adapters.web.notification;

import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase.SaveResult;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase.TemplateSummary;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/admin/email-templates: the templates, a preview of each with sample data (the HTML itself, to
 * open in a browser, or the text part), and administrators' edits that take effect without a redeploy.
 */
@Tag(name = "Admin: email templates")
@RestController
@RequestMapping("/api/v1/admin/email-templates")
class AdminEmailTemplatesController {

    /** The preview is an email: inline styles, no scripts, no framing. */
    private static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'none'";

    private final ManageEmailTemplatesUseCase templates;

    AdminEmailTemplatesController(ManageEmailTemplatesUseCase templates) {
        this.templates = templates;
    }

    @Operation(summary = "The email templates and which languages have edits")
    @GetMapping
    List<TemplateSummary> templates() {
        return templates.templates();
    }

    @Operation(summary = "A template rendered with sample data")
    @ApiResponse(responseCode = "200", description = "The HTML (format=html) or the text part (format=text); the subject in X-Email-Subject", content = {@Content(mediaType = "text/html", schema = @Schema(type = "string")), @Content(mediaType = "text/plain", schema = @Schema(type = "string"))})
    @GetMapping("/{name}/preview")
    ResponseEntity<?> preview(@PathVariable String name, @RequestParam(defaultValue = "en") String locale,
            @RequestParam(defaultValue = "html") String format) {
        Optional<RenderedEmail> rendered = templates.preview(name, locale);
        if (rendered.isEmpty()) {
            return notFound(name);
        }
        if (format.equals("text")) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .header("X-Email-Subject", rendered.get().subject()).body(rendered.get().text());
        }
        if (!format.equals("html")) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "format is html or text, not " + format + ".");
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PREVIEW_POLICY)
                .header("X-Email-Subject", rendered.get().subject())
                .body(rendered.get().html());
    }

    @Operation(summary = "Edit a template (plain HTML and text with {name} placeholders)")
    @ApiResponse(responseCode = "200", description = "Saved, with a preview", content = @Content(schema = @Schema(implementation = Saved.class)))
    @PutMapping("/{name}")
    ResponseEntity<?> save(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable String name,
            @RequestParam(defaultValue = "en") String locale, @Valid @RequestBody Edit edit) {
        SaveResult result = templates.save(name, locale, edit.subject(), edit.html(), edit.text(), "user:" + caller.user());
        if (result instanceof SaveResult.Refused refused) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "template-refused", "Template refused", refused.reason());
        }
        RenderedEmail preview = ((SaveResult.Saved) result).preview();
        return ResponseEntity.ok(new Saved(name, locale, preview.subject(), preview.html(), preview.text()));
    }

    @Operation(summary = "Remove an edit: the shipped template is back")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/{name}")
    ResponseEntity<?> revert(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable String name,
            @RequestParam(defaultValue = "en") String locale) {
        if (!templates.revert(name, locale, "user:" + caller.user())) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "The template " + name + " (" + locale + ") has no edit to remove.");
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<?> notFound(String name) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "There is no email template called " + name + ".");
    }

    record Edit(
            @NotBlank @Size(max = 200) @Schema(example = "Your stay is confirmed: {reference}") String subject,
            @NotNull @Size(max = 100_000) String html,
            @NotNull @Size(max = 100_000) String text) {
    }

    record Saved(String template, String locale, String subject, String html, String text) {
    }
}
