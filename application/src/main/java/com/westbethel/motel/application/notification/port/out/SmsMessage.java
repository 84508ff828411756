package com.westbethel.motel.application.notification.port.out;

import java.util.regex.Pattern;

/**
 * One text message, checked before any provider sees it.
 *
 * @param to the recipient in E.164 form, such as {@code +15551234567}
 * @param body the text, at most {@value #MAX_BODY_LENGTH} characters (Unicode code points): the
 *     longest message providers such as Twilio accept, split into segments on the way
 */
public record SmsMessage(String to, String body) {

    public static final int MAX_BODY_LENGTH = 1600;

    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    public SmsMessage {
        if (!isE164(to)) {
            throw new IllegalArgumentException("SMS recipient must be an E.164 number such as +15551234567");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("SMS body must not be blank");
        }
        int length = body.codePointCount(0, body.length());
        if (length > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("SMS body has " + length + " characters; at most " + MAX_BODY_LENGTH + " are allowed");
        }
    }

    /** Whether {@code number} is in E.164 form: a plus, a non-zero digit, then 6 to 14 more digits. */
    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }
}
