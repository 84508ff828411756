package com.westbethel.motel.application.notification.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmsMessageTest {

    @Test
    void an_e164_number_and_a_short_body_make_a_message() {
        SmsMessage message = new SmsMessage("+15551234567", "Your room is ready.");

        assertThat(message.to()).isEqualTo("+15551234567");
        assertThat(message.body()).isEqualTo("Your room is ready.");
    }

    @Test
    void the_shortest_and_longest_e164_numbers_are_accepted() {
        assertThat(new SmsMessage("+1234567", "hi").to()).isEqualTo("+1234567");
        assertThat(new SmsMessage("+123456789012345", "hi").to()).isEqualTo("+123456789012345");
    }

    @Test
    void a_number_that_is_not_e164_is_refused() {
        for (String to : new String[] {"15551234567", "+05551234567", "+1 555 123 4567", "+1-555-1234567", "+123456", "+1234567890123456", "+1555abc4567", "", " "}) {
            assertThatThrownBy(() -> new SmsMessage(to, "hi")).as(to)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("E.164");
        }
    }

    @Test
    void a_missing_number_is_refused_with_the_same_message() {
        assertThatThrownBy(() -> new SmsMessage(null, "hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("E.164");
    }

    @Test
    void a_blank_or_missing_body_is_refused() {
        for (String body : new String[] {null, "", "   ", "\n\t"}) {
            assertThatThrownBy(() -> new SmsMessage("+15551234567", body)).as(String.valueOf(body))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("blank");
        }
    }

    @Test
    void a_body_of_1600_characters_is_accepted_and_one_more_is_refused() {
        assertThat(new SmsMessage("+15551234567", "a".repeat(1600)).body()).hasSize(1600);

        assertThatThrownBy(() -> new SmsMessage("+15551234567", "a".repeat(1601)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1601")
                .hasMessageContaining("1600");
    }

    @Test
    void characters_outside_the_basic_plane_count_once() {
        String emoji = "\uD83D\uDE00";

        assertThat(new SmsMessage("+15551234567", emoji.repeat(1600)).body()).hasSize(3200);
    }
}
