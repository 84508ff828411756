package com.westbethel.motel.adapters.web.notification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses as the console shows them to admins who look after the queue rather than the guests: the first letter and the
 * domain ({@code a***@example.com}), enough to tell a typo'd domain from a full mailbox without listing guests' addresses.
 */
public final class MaskedRecipients {

    private static final Pattern ADDRESS = Pattern.compile("([^\\s<>@\"',;:()\\[\\]]+)@([A-Za-z0-9.-]+)");

    private MaskedRecipients() {
    }

    public static String mask(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** Every address inside a text (an SMTP server's error often quotes the recipient) masked, the rest kept. */
    public static String maskWithin(String text) {
        Matcher matcher = ADDRESS.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(mask(matcher.group())));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }
}
