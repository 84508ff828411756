package com.westbethel.motel.adapters.messaging.notification;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.westbethel.motel.application.notification.calendar.StayCalendar;
import com.westbethel.motel.application.notification.port.out.EmailRenderer;
import com.westbethel.motel.application.notification.port.out.EmailTemplateOverrides;
import com.westbethel.motel.application.notification.port.out.EmailTemplateOverrides.TemplateOverride;
import com.westbethel.motel.domain.notification.EmailTemplates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.unbescape.html.HtmlEscape;

/**
 * Renders the email templates in {@code templates/email/}: an HTML part sharing one branded layout
 * (values escaped, so nothing a guest typed becomes markup), a plain-text part, and a subject from
 * {@code subjects.properties}, read as a {@link MessageSource}. Every known template is checked when the
 * renderer is built, so a missing one stops the start-up instead of killing emails later.
 *
 * <p>An administrator's version of a template ({@link EmailTemplateOverrides}) wins over the shipped one;
 * the versions are re-read at most once per {@code overridesMaxAge}. Such a version is plain HTML and
 * text with {@code {name}} placeholders, never evaluated as a template (see {@link #renderCandidate}).
 * Languages other than English live
 * in {@code templates/email/<language>/} with {@code subjects_<language>.properties}; a language without
 * its own templates gets English. A booking confirmation carries the stay as an iCalendar attachment.
 */
public class ThymeleafEmailRenderer implements EmailRenderer {

    private static final Logger log = LoggerFactory.getLogger(ThymeleafEmailRenderer.class);
    private static final String FOLDER = "templates/email/";
    private static final String ENGLISH = "en";
    private static final String ALL = "all";
    private static final String SECURITY_ALERT = "security-alert";
    private static final String DETAIL = "detail";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]{0,40})}");
    /** Values only some emails of a template carry: an edit may use them, and they are empty where absent. */
    private static final Set<String> OPTIONAL = Set.of("unsubscribeUrl");
    private static final EmailTemplateOverrides NONE = new EmailTemplateOverrides() {
        @Override
        public List<TemplateOverride> all() {
            return List.of();
        }

        @Override
        public Optional<TemplateOverride> find(String template, String languageTag) {
            return Optional.empty();
        }

        @Override
        public void save(TemplateOverride override) {
            throw new UnsupportedOperationException("no template overrides here");
        }

        @Override
        public boolean delete(String template, String languageTag) {
            return false;
        }
    };

    private final TemplateEngine html = classpathEngine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = classpathEngine(TemplateMode.TEXT, ".txt");
    private final MessageSource subjects = subjects();
    private final EmailTemplateOverrides overrides;
    private final Clock clock;
    /** Every override, under the one key {@link #ALL}, read again once older than the maximum age. */
    private final LoadingCache<String, Overrides> current;
    private volatile Overrides lastRead = new Overrides(Map.of(), Instant.MIN);

    /** Shipped templates only. */
    public ThymeleafEmailRenderer() {
        this(NONE, Duration.ofDays(365), Clock.systemUTC());
    }

    public ThymeleafEmailRenderer(EmailTemplateOverrides overrides, Duration overridesMaxAge, Clock clock) {
        this.overrides = overrides;
        this.clock = clock;
        this.current = Caffeine.newBuilder()
                .expireAfterWrite(overridesMaxAge)
                .ticker(() -> ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant()))
                .executor(Runnable::run)
                .build(key -> readOverrides());
        for (String template : EmailTemplates.ALL) {
            for (String part : new String[] {template + ".html", template + ".txt"}) {
                if (!exists(part)) {
                    throw new IllegalStateException("missing email template " + FOLDER + part);
                }
            }
            if (subjects.getMessage(template, null, null, Locale.ENGLISH) == null) {
                throw new IllegalStateException("no subject for email template " + template + " in subjects.properties");
            }
        }
    }

    @Override
    public RenderedEmail render(String template, Locale locale, Map<String, String> given) {
        if (!EmailTemplates.ALL.contains(template)) {
            throw new IllegalArgumentException("no email template called " + template);
        }
        Map<String, String> model = worded(template, locale, given);
        String language = locale.getLanguage().isEmpty() ? ENGLISH : locale.getLanguage();
        Optional<TemplateOverride> override = override(template, language);
        if (override.isEmpty() && !language.equals(ENGLISH) && !exists(language + "/" + template + ".html")) {
            language = ENGLISH;
            override = override(template, ENGLISH);
        }
        if (override.isPresent()) {
            return renderCandidate(override.get(), model);
        }
        Context context = context(locale, model);
        String name = language.equals(ENGLISH) ? template : language + "/" + template;
        String subject = subjects.getMessage(template, null, Locale.forLanguageTag(language));
        return finish(template, subject(subject, model), html.process(name, context), text.process(name, context), model);
    }

    /**
     * An administrator's version is not a Thymeleaf template: nothing in it is evaluated. Its
     * {@code {name}} placeholders take the model's values (HTML-escaped in the HTML part), so an edit can
     * neither run code on the server nor put a guest's input into the email as markup. A placeholder the
     * template does not offer is refused.
     */
    @Override
    public RenderedEmail renderCandidate(TemplateOverride candidate, Map<String, String> given) {
        if (!EmailTemplates.ALL.contains(candidate.template())) {
            throw new IllegalArgumentException("no email template called " + candidate.template());
        }
        Map<String, String> model = worded(candidate.template(), Locale.forLanguageTag(candidate.languageTag()), given);
        String htmlBody = fill(candidate.html(), model, HtmlEscape::escapeHtml4Xml);
        String textPart = fill(candidate.text(), model, Function.identity());
        String subject = fill(candidate.subject(), model, Function.identity()).replaceAll("[\\r\\n]+", " ").strip();
        Context context = context(Locale.forLanguageTag(candidate.languageTag()), model);
        context.setVariable("overrideBody", htmlBody);
        return finish(candidate.template(), subject, html.process("override", context), textPart, model);
    }

    /**
     * A security alert carries facts (which alert, the address, the places); its sentence, {@code detail}, is worded by the
     * {@code security-alert-detail} template, so the shipped templates and an administrator's version (with {@code {detail}})
     * say the same. An alert queued with its sentence already written keeps it.
     */
    private Map<String, String> worded(String template, Locale locale, Map<String, String> model) {
        if (!template.equals(SECURITY_ALERT) || model.containsKey(DETAIL)) {
            return model;
        }
        String language = locale.getLanguage();
        String name = !language.isEmpty() && !language.equals(ENGLISH) && exists(language + "/" + SECURITY_ALERT + "-detail.txt")
                ? language + "/" + SECURITY_ALERT + "-detail" : SECURITY_ALERT + "-detail";
        Map<String, String> worded = new HashMap<>(model);
        worded.put(DETAIL, text.process(name, context(locale, model)).strip());
        return worded;
    }

    /** The placeholders an edit may use: every variable the template's emails carry. */
    static String fill(String edited, Map<String, String> model, Function<String, String> escape) {
        Matcher placeholder = PLACEHOLDER.matcher(edited);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = model.get(name);
            if (value == null && !OPTIONAL.contains(name)) {
                throw new IllegalArgumentException("{" + name + "} is not a value of this email; it offers "
                        + model.keySet().stream().sorted().map(key -> "{" + key + "}").collect(Collectors.joining(", ")));
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : escape.apply(value)));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private RenderedEmail finish(String template, String subject, String htmlPart, String textPart, Map<String, String> model) {
        List<Attachment> attachments = List.of();
        if (template.equals("booking-confirmation")) {
            try {
                byte[] calendar = StayCalendar.forBooking(model, clock.instant()).getBytes(StandardCharsets.UTF_8);
                attachments = List.of(new Attachment("stay-" + model.get("reference") + ".ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                        calendar));
            } catch (IllegalArgumentException incomplete) {
                // The confirmation matters more than its calendar entry: it goes without one.
                log.warn("Booking confirmation {} sent without its calendar entry: {}", model.get("reference"), incomplete.getMessage());
            }
        }
        return new RenderedEmail(subject, htmlPart, textPart, attachments, Optional.ofNullable(model.get("unsubscribeUrl")));
    }

    private Optional<TemplateOverride> override(String template, String language) {
        Overrides read;
        try {
            read = current.get(ALL);
        } catch (RuntimeException unavailable) {
            // Keep sending with the versions last read (or the shipped ones) rather than stop; the next email tries again.
            read = lastRead;
            log.warn("Could not read the email template overrides; using the ones read at {}: {}", read.readAt(), unavailable.getMessage());
        }
        return Optional.ofNullable(read.byKey().get(template + "|" + language));
    }

    private Overrides readOverrides() {
        Overrides read = new Overrides(overrides.all().stream()
                .collect(Collectors.toMap(o -> o.template() + "|" + o.languageTag(), Function.identity())), clock.instant());
        lastRead = read;
        return read;
    }

    private static Context context(Locale locale, Map<String, String> model) {
        Context context = new Context(locale);
        model.forEach(context::setVariable);
        return context;
    }

    /** {@code {name}} placeholders from the model; line breaks removed, so no value can add a header. */
    private static String subject(String subject, Map<String, String> model) {
        for (Map.Entry<String, String> entry : model.entrySet()) {
            subject = subject.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return subject.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** {@code subjects_<language>.properties} where it has the template's subject, else {@code subjects.properties}. */
    private static MessageSource subjects() {
        ResourceBundleMessageSource subjects = new ResourceBundleMessageSource();
        subjects.setBasename(FOLDER + "subjects");
        subjects.setDefaultEncoding(StandardCharsets.UTF_8.name());
        subjects.setFallbackToSystemLocale(false);
        subjects.setBundleClassLoader(ThymeleafEmailRenderer.class.getClassLoader());
        return subjects;
    }

    private boolean exists(String path) {
        return getClass().getClassLoader().getResource(FOLDER + path) != null;
    }

    private static TemplateEngine classpathEngine(TemplateMode mode, String suffix) {
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

    private record Overrides(Map<String, TemplateOverride> byKey, Instant readAt) {
    }
}
