package com.westbethel.motel.adapters.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.westbethel.motel.application.notification.port.out.SmsMessage;
import org.junit.jupiter.api.Test;

class LoggingSmsSenderTest {

    @Test
    void a_number_is_masked_but_for_the_plus_and_its_last_four_digits() {
        assertThat(LoggingSmsSender.mask("+15551234567")).isEqualTo("+*******4567");
        assertThat(LoggingSmsSender.mask("+447911123456")).isEqualTo("+********3456");
    }

    @Test
    void the_shortest_e164_number_still_hides_all_but_four_digits() {
        assertThat(LoggingSmsSender.mask("+1234567")).isEqualTo("+***4567");
    }

    @Test
    void nothing_is_shown_of_a_value_too_short_to_mask() {
        assertThat(LoggingSmsSender.mask("1234")).isEqualTo("****");
        assertThat(LoggingSmsSender.mask(null)).isEqualTo("****");
    }

    @Test
    void sending_only_logs_and_never_fails() {
        LoggingSmsSender sender = new LoggingSmsSender();

        assertThatCode(() -> sender.send(new SmsMessage("+15551234567", "Your code is 123456")))
                .doesNotThrowAnyException();
    }
}
