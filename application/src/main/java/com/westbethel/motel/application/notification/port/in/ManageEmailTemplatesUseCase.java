package com.westbethel.motel.application.notification.port.in;

import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.application.notification.port.out.EmailTemplateOverrides.TemplateOverride;
import com.westbethel.motel.domain.notification.NotificationType;
import java.util.List;
import java.util.Optional;

/**
 * The administrators' view of the email templates: each one previewed with sample data, and edited
 * (subject, HTML and text) without a redeploy. An edit is checked by rendering it before it is saved;
 * removing it restores the shipped template.
 */
public interface ManageEmailTemplatesUseCase {

    List<TemplateSummary> templates();

    /** @return empty for an unknown template */
    Optional<RenderedEmail> preview(String template, String languageTag);

    /** The administrators' edit in use for the template and language, to change it; empty when the shipped template is in use. */
    Optional<TemplateOverride> edit(String template, String languageTag);

    SaveResult save(String template, String languageTag, String subject, String html, String text, String savedBy);

    /** @return whether there was an edit to remove */
    boolean revert(String template, String languageTag, String revertedBy);

    record TemplateSummary(String name, NotificationType type, boolean essential, List<String> editedLanguages) {
    }

    sealed interface SaveResult {

        record Saved(RenderedEmail preview) implements SaveResult {
        }

        record Refused(String reason) implements SaveResult {
        }
    }
}
