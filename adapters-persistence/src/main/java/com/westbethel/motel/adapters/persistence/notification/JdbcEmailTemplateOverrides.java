package com.westbethel.motel.adapters.persistence.notification;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.notification.port.out.EmailTemplateOverrides;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Administrators' template versions in {@code email_templates}. */
public record JdbcEmailTemplateOverrides(JdbcClient jdbc) implements EmailTemplateOverrides {

    private static final String COLUMNS = "name, locale, subject, html_body, text_body, updated_at, updated_by";

    @Override
    public List<TemplateOverride> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_templates ORDER BY name, locale")
                .query((row, number) -> override(row))
                .list();
    }

    @Override
    public Optional<TemplateOverride> find(String template, String languageTag) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM email_templates WHERE name = :name AND locale = :locale")
                .param("name", template)
                .param("locale", languageTag)
                .query((row, number) -> override(row))
                .optional();
    }

    @Override
    public void save(TemplateOverride override) {
        jdbc.sql("""
                        INSERT INTO email_templates (name, locale, subject, html_body, text_body, updated_at, updated_by)
                        VALUES (:name, :locale, :subject, :html, :text, :at, :by)
                        ON CONFLICT (name, locale) DO UPDATE SET subject = excluded.subject, html_body = excluded.html_body,
                            text_body = excluded.text_body, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .param("name", override.template())
                .param("locale", override.languageTag())
                .param("subject", override.subject())
                .param("html", override.html())
                .param("text", override.text())
                .param("at", utc(override.updatedAt()))
                .param("by", override.updatedBy())
                .update();
    }

    @Override
    public boolean delete(String template, String languageTag) {
        return jdbc.sql("DELETE FROM email_templates WHERE name = :name AND locale = :locale")
                .param("name", template)
                .param("locale", languageTag)
                .update() > 0;
    }

    private static TemplateOverride override(ResultSet row) throws SQLException {
        return new TemplateOverride(row.getString("name"), row.getString("locale"), row.getString("subject"), row.getString("html_body"),
                row.getString("text_body"), instant(row, "updated_at"), row.getString("updated_by"));
    }
}
