package com.westbethel.motel.adapters.web.site.account;

import com.westbethel.motel.adapters.web.security.SiteSessions;
import com.westbethel.motel.application.identity.port.in.LogOutUseCase;
import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase;
import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase.SessionView;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.identity.SessionId;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account/sessions}: where the account is logged in, this device marked; "end this session" for any other. */
@Controller
class SessionsController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ManageSessionsUseCase sessions;
    private final LogOutUseCase logOut;

    SessionsController(ManageSessionsUseCase sessions, LogOutUseCase logOut) {
        this.sessions = sessions;
        this.logOut = logOut;
    }

    /** One row of the page, in words. */
    record SessionRow(UUID id, String device, String address, String started, String lastSeen, boolean current) {

        static SessionRow of(SessionView session) {
            return new SessionRow(session.id(), Devices.describe(session.userAgent()), session.ipAddress(), WHEN.format(session.createdAt()),
                    WHEN.format(session.lastSeenAt()), session.current());
        }
    }

    @GetMapping("/account/sessions")
    String list(@AuthenticationPrincipal AccessTokenClaims caller, Model model) {
        List<SessionRow> rows = sessions.sessions(caller).stream()
                .sorted(Comparator.comparing(SessionView::current).reversed().thenComparing(SessionView::lastSeenAt, Comparator.reverseOrder()))
                .map(SessionRow::of).toList();
        model.addAttribute("sessions", rows);
        return "site/account/sessions";
    }

    @PostMapping("/account/sessions/{id}/end")
    String end(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, RedirectAttributes flash) {
        boolean ended = sessions.endSession(caller, new SessionId(id));
        flash.addFlashAttribute("notice", ended ? "That session is ended: the device there is logged out." : "That session had already ended.");
        return "redirect:/account/sessions";
    }

    /** Every session of the account, this one too. */
    @PostMapping("/account/sessions/end-all")
    String endAll(@AuthenticationPrincipal AccessTokenClaims caller, HttpServletRequest request, RedirectAttributes flash) {
        logOut.logOutEverywhere(caller);
        SiteSessions.end(request);
        flash.addFlashAttribute("notice", "You are logged out everywhere.");
        return "redirect:/login";
    }
}
