package com.westbethel.motel.adapters.messaging.notification;

import com.westbethel.motel.application.notification.port.out.EmailRenderer;
import com.westbethel.motel.domain.notification.EmailTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the email templates in {@code templates/email/}: an HTML part sharing one branded layout
 * (values escaped, so nothing a guest typed becomes markup), a plain-text part, and a subject from
 * {@code subjects.properties}. Every known template is checked when the renderer is built, so a
 * missing one stops the start-up instead of killing emails later.
 */
public class ThymeleafEmailRenderer implements EmailRenderer {

    private static final String FOLDER = "templates/email/";

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final Properties subjects = new Properties();

    public ThymeleafEmailRenderer() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FOLDER + "subjects.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing " + FOLDER + "subjects.properties");
            }
            subjects.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String template : EmailTemplates.ALL) {
            for (String part : new String[] {template + ".html", template + ".txt"}) {
                if (getClass().getClassLoader().getResource(FOLDER + part) == null) {
                    throw new IllegalStateException("missing email template " + FOLDER + part);
                }
            }
            if (!subjects.containsKey(template)) {
                throw new IllegalStateException("no subject for email template " + template + " in subjects.properties");
            }
        }
    }

    @Override
    public RenderedEmail render(String template, Locale locale, Map<String, String> model) {
        if (!EmailTemplates.ALL.contains(template)) {
            throw new IllegalArgumentException("no email template called " + template);
        }
        Context context = new Context(locale);
        model.forEach(context::setVariable);
        return new RenderedEmail(subject(template, model), html.process(template, context), text.process(template, context));
    }

    /** {@code {name}} placeholders from the model; line breaks removed, so no value can add a header. */
    private String subject(String template, Map<String, String> model) {
        String subject = subjects.getProperty(template);
        for (Map.Entry<String, String> entry : model.entrySet()) {
            subject = subject.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return subject.replaceAll("[\\r\\n]+", " ").strip();
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(FOLDER);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
