package com.westbethel.motel.adapters.web.notification;

import static com.westbethel.motel.adapters.web.problem.Problems.fieldProblem;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.Change;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.PreferencesView;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.UpdateResult;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/users/me/notification-preferences: what the caller receives, by type and channel, and in which language. */
@Tag(name = "Notifications")
@RestController
@RequestMapping("/api/v1/users/me/notification-preferences")
class NotificationPreferencesController {

    private final ManageNotificationPreferencesUseCase preferences;

    NotificationPreferencesController(ManageNotificationPreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    @Operation(summary = "What the caller receives, by type and channel")
    @GetMapping
    PreferencesView preferences(@AuthenticationPrincipal AccessTokenClaims caller) {
        return preferences.preferences(caller.user());
    }

    /** Changes only what the body names; everything else stays as it was. All or nothing. */
    @Operation(summary = "Change what the caller receives (all or nothing)")
    @ApiResponse(responseCode = "200", description = "The preferences after the change", content = @Content(schema = @Schema(implementation = PreferencesView.class)))
    @PutMapping
    ResponseEntity<?> update(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody Update request) {
        List<Change> changes = request.preferences() == null ? List.of()
                : request.preferences().stream().map(p -> new Change(p.type(), p.channel(), p.enabled())).toList();
        UpdateResult result = preferences.update(caller.user(), changes, Optional.ofNullable(request.locale()));
        if (result instanceof UpdateResult.Refused refused) {
            return fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, "preference-refused", "Preference refused", refused.field(), refused.reason());
        }
        return ResponseEntity.ok(((UpdateResult.Updated) result).preferences());
    }

    record Update(
            @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") @Schema(example = "en") String locale,
            @Size(max = 20) List<@Valid @NotNull Preference> preferences) {
    }

    record Preference(
            @NotNull @Schema(example = "MARKETING") NotificationType type,
            @NotNull @Schema(example = "EMAIL") NotificationChannel channel,
            @NotNull @Schema(example = "true") Boolean enabled) {
    }
}
