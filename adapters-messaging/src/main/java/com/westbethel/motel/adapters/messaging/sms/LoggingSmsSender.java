package com.westbethel.motel.adapters.messaging.sms;

import com.westbethel.motel.application.notification.port.out.SmsMessage;
import com.westbethel.motel.application.notification.port.out.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default SMS route: writes each message to the {@code motel.sms} log instead of sending it, so
 * that development and test environments need no provider account. The number is masked down to its
 * last four digits; the body is logged in full, which is the point of this sender.
 */
public final class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger("motel.sms");

    private static final int VISIBLE_DIGITS = 4;

    @Override
    public void send(SmsMessage message) {
        String body = message.body();
        log.info("SMS to {} ({} chars): {}", mask(message.to()), body.codePointCount(0, body.length()), body);
    }

    /** {@code +15551234567} becomes {@code +*******4567}: the plus and the last four digits stay. */
    static String mask(String e164) {
        if (e164 == null || e164.length() <= VISIBLE_DIGITS) {
            return "****";
        }
        int prefix = e164.startsWith("+") ? 1 : 0;
        int hidden = e164.length() - VISIBLE_DIGITS - prefix;
        return e164.substring(0, prefix) + "*".repeat(Math.max(hidden, 0)) + e164.substring(e164.length() - VISIBLE_DIGITS);
    }
}
