package com.westbethel.motel.application.notification.port.out;

import java.util.Locale;
import java.util.Map;

/** Turns a template and its variables into a subject, an HTML part and a plain-text part. */
public interface EmailRenderer {

    RenderedEmail render(String template, Locale locale, Map<String, String> model);

    record RenderedEmail(String subject, String html, String text) {
    }
}
