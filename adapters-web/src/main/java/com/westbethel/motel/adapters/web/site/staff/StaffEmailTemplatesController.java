package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase.SaveResult;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff/admin/email-templates} (admins only): the templates, and for each one its preview with sample data (the
 * subject and text on the page, the HTML on a page of its own) and a form to edit the English subject and bodies, or to
 * reset the template to the one shipped. A refused edit comes back with its reason and what was typed kept.
 */
@Controller
class StaffEmailTemplatesController {

    /** The console edits the emails' default language; other languages stay the API's. */
    static final String LANGUAGE = "en";

    /** The preview is an email: inline styles, no scripts, no framing (as the API's preview). */
    private static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; frame-ancestors 'none'";

    private final ManageEmailTemplatesUseCase templates;

    StaffEmailTemplatesController(ManageEmailTemplatesUseCase templates) {
        this.templates = templates;
    }

    @GetMapping("/staff/admin/email-templates")
    String list(Model model) {
        model.addAttribute("templates", templates.templates());
        return "staff/admin-email-templates";
    }

    @GetMapping("/staff/admin/email-templates/{name}")
    String edit(@PathVariable String name, Model model) {
        RenderedEmail preview = templates.preview(name, LANGUAGE).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var edit = templates.edit(name, LANGUAGE);
        model.addAttribute("name", name);
        model.addAttribute("edited", edit.isPresent());
        model.addAttribute("subject", edit.map(e -> e.subject()).orElse(""));
        model.addAttribute("html", edit.map(e -> e.html()).orElse(""));
        model.addAttribute("text", edit.map(e -> e.text()).orElse(""));
        model.addAttribute("preview", preview);
        return "staff/admin-email-template";
    }

    @GetMapping("/staff/admin/email-templates/{name}/preview")
    ResponseEntity<String> preview(@PathVariable String name) {
        RenderedEmail preview = templates.preview(name, LANGUAGE).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PREVIEW_POLICY).body(preview.html());
    }

    @PostMapping("/staff/admin/email-templates/{name}")
    String save(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable String name, @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String html, @RequestParam(defaultValue = "") String text, Model model, RedirectAttributes flash) {
        RenderedEmail shipped = templates.preview(name, LANGUAGE).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        SaveResult result = templates.save(name, LANGUAGE, subject, html, text, "user:" + caller.user());
        if (result instanceof SaveResult.Refused refused) {
            model.addAttribute("name", name);
            model.addAttribute("edited", templates.edit(name, LANGUAGE).isPresent());
            model.addAttribute("subject", subject);
            model.addAttribute("html", html);
            model.addAttribute("text", text);
            model.addAttribute("preview", shipped);
            model.addAttribute("refused", refused.reason());
            return "staff/admin-email-template";
        }
        flash.addFlashAttribute("notice", "Saved: guests get this version of " + name + " from now on (the worker picks it up within 30 seconds).");
        return "redirect:/staff/admin/email-templates/" + name;
    }

    @PostMapping("/staff/admin/email-templates/{name}/reset")
    String reset(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable String name, RedirectAttributes flash) {
        templates.preview(name, LANGUAGE).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean reverted = templates.revert(name, LANGUAGE, "user:" + caller.user());
        flash.addFlashAttribute("notice", reverted ? "Reset: guests get the shipped template again." : "There was no edit: the shipped template is in use.");
        return "redirect:/staff/admin/email-templates/" + name;
    }
}
