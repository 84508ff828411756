package com.westbethel.motel.bootstrap.api;

import static org.awaitility.Awaitility.await;

import com.westbethel.motel.adapters.messaging.notification.ThymeleafEmailRenderer;
import com.westbethel.motel.adapters.persistence.identity.AesGcmSecretCipher;
import com.westbethel.motel.application.notification.port.out.EmailRenderer;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbescape.html.HtmlEscape;
import tools.jackson.databind.json.JsonMapper;

/**
 * The links of the emails the API queued, as the guest reads them in the email: the API only queues an email (the
 * worker, not running here, sends it), so this takes the latest outbox row of a template for an address, opens what
 * the outbox sealed (a reset link) with the key the worker holds, renders it with the templates the worker renders
 * with, and reads the {@code href}s of its HTML part. A browser test then opens the link the guest would click.
 */
public final class EmailedLinks {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final EmailRenderer renderer;
    private final AesGcmSecretCipher outbox;
    private final String siteUrl;

    private EmailedLinks(JdbcClient jdbc, EmailRenderer renderer, AesGcmSecretCipher outbox, String siteUrl) {
        this.jdbc = jdbc;
        this.renderer = renderer;
        this.outbox = outbox;
        this.siteUrl = siteUrl;
    }

    /** The links of the emails the API of {@code context} queued. */
    public static EmailedLinks of(ApplicationContext context) {
        return new EmailedLinks(context.getBean(JdbcClient.class), context.getBean(ThymeleafEmailRenderer.class),
                AesGcmSecretCipher.forEmailOutbox(context.getBean(IdentityConfiguration.MfaEncryptionKey.class).bytes()),
                context.getEnvironment().getRequiredProperty("motel.public-url"));
    }

    /**
     * The first link of the latest {@code template} email to {@code address} that leads to {@code path} on the site (the
     * link's path starts with it: {@code "/verify-email"}, {@code "/reset-password"}, {@code "/manage/"}), as a path
     * with its query, for {@code SiteBrowser.open}. Waits up to 10 s for the email to be queued.
     */
    public String link(String address, String template, String path) {
        List<String> links = links(address, template);
        return links.stream().filter(link -> link.startsWith(path)).findFirst().orElseThrow(() -> new AssertionError(
                "the latest " + template + " email to " + address + " has no link to " + path + ": it has " + links));
    }

    /**
     * Every link of the latest {@code template} email to {@code address}, in the order of its HTML part: a link to the site
     * ({@code motel.public-url}) as a path with its query, any other absolute. Waits up to 10 s for the email to be queued.
     */
    public List<String> links(String address, String template) {
        QueuedEmail email = await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> latest(address, template), Optional::isPresent).orElseThrow();
        String html = renderer.render(template, Locale.forLanguageTag(email.locale()), email.model()).html();
        List<String> links = new ArrayList<>();
        Matcher href = HREF.matcher(html);
        while (href.find()) {
            String link = HtmlEscape.unescapeHtml(href.group(1));
            links.add(link.startsWith(siteUrl + "/") ? link.substring(siteUrl.length()) : link);
        }
        return links;
    }

    private Optional<QueuedEmail> latest(String address, String template) {
        return jdbc.sql("""
                        SELECT locale, model::text AS model, sealed FROM email_queue
                        WHERE recipient = :address AND template = :template ORDER BY created_at DESC LIMIT 1""")
                .param("address", address).param("template", template)
                .query((row, number) -> opened(row.getString("locale"), row.getString("model"), row.getArray("sealed")))
                .optional();
    }

    /** The email's model as the worker renders it: its sealed entries opened. */
    private QueuedEmail opened(String locale, String model, Array sealed) throws SQLException {
        Map<String, String> values = new HashMap<>();
        JSON.readTree(model).properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        if (sealed != null) {
            Arrays.stream((String[]) sealed.getArray()).forEach(name -> values.computeIfPresent(name, (key, value) -> outbox.decrypt(value)));
        }
        return new QueuedEmail(locale, values);
    }

    private record QueuedEmail(String locale, Map<String, String> model) {
    }
}
