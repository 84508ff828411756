package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.Change;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.PreferencesView;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.TypeView;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.UpdateResult;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /account/notifications}: which emails the guest receives (essential ones always go) and in which language; and
 * {@code /unsubscribe?token=}, the link at the foot of every non-essential email, with no login: opening it changes
 * nothing (mail scanners open every link), its button does. A mail provider's RFC 8058 one-click POST
 * ({@code List-Unsubscribe=One-Click}) to the same address unsubscribes at once.
 */
@Controller
class NotificationsController {

    private static final String PREFERENCES_VIEW = "site/account/notifications";
    private static final String UNSUBSCRIBE_VIEW = "site/account/unsubscribe";

    private final ManageNotificationPreferencesUseCase preferences;

    NotificationsController(ManageNotificationPreferencesUseCase preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/account/notifications")
    String page(@AuthenticationPrincipal AccessTokenClaims caller, Model model) {
        PreferencesView current = preferences.preferences(caller.user());
        return view(model, current, emailed(current));
    }

    /** Each optional type's checkbox sends {@code email=<TYPE>} when ticked; an unticked box sends nothing, so it is off. */
    @PostMapping("/account/notifications")
    String save(@AuthenticationPrincipal AccessTokenClaims caller, @RequestParam(name = "email", required = false) List<String> ticked,
            @RequestParam(defaultValue = "") String locale, Model model, HttpServletResponse response, RedirectAttributes flash) {
        Set<String> on = ticked == null ? Set.of() : Set.copyOf(ticked);
        PreferencesView current = preferences.preferences(caller.user());
        List<Change> changes = current.types().stream().filter(type -> !type.essential())
                .map(type -> new Change(type.type(), NotificationChannel.EMAIL, on.contains(type.type().name()))).toList();
        UpdateResult result = preferences.update(caller.user(), changes, Optional.of(locale.strip()).filter(value -> !value.isEmpty()));
        if (result instanceof UpdateResult.Refused refused) {
            model.addAttribute("refusal", refused.reason());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return view(model, current, on);
        }
        flash.addFlashAttribute("notice", "Your choices are saved.");
        return "redirect:/account/notifications";
    }

    @GetMapping("/unsubscribe")
    String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Optional<NotificationType> target = preferences.unsubscribeTarget(token);
        if (target.isEmpty()) {
            model.addAttribute("state", "invalid");
            return Refusals.again(response, HttpStatus.BAD_REQUEST, UNSUBSCRIBE_VIEW);
        }
        model.addAttribute("state", "ready");
        model.addAttribute("token", token);
        model.addAttribute("what", target.get().description().toLowerCase(Locale.ROOT));
        return UNSUBSCRIBE_VIEW;
    }

    /** The page's button, and the one-click POST of a mail provider (no session, no CSRF token: the signed token is the proof). */
    @PostMapping("/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        boolean done = preferences.unsubscribe(token);
        model.addAttribute("state", done ? "done" : "invalid");
        return done ? UNSUBSCRIBE_VIEW : Refusals.again(response, HttpStatus.BAD_REQUEST, UNSUBSCRIBE_VIEW);
    }

    private static String view(Model model, PreferencesView view, Set<String> on) {
        model.addAttribute("types", view.types());
        model.addAttribute("on", on);
        model.addAttribute("locale", view.locale());
        model.addAttribute("locales", view.supportedLocales().stream()
                .map(tag -> new LocaleOption(tag, Locale.forLanguageTag(tag).getDisplayName(Locale.forLanguageTag(tag)))).toList());
        return PREFERENCES_VIEW;
    }

    private static Set<String> emailed(PreferencesView view) {
        return view.types().stream().filter(TypeView::email).map(type -> type.type().name()).collect(Collectors.toSet());
    }

    record LocaleOption(String tag, String name) {
    }
}
