package com.westbethel.motel.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NotificationPreferencesTest {

    @Test
    void defaults_send_essential_mail_receipts_and_points_but_no_marketing_and_no_sms() {
        NotificationPreferences defaults = NotificationPreferences.defaults();

        assertThat(defaults.allows(NotificationType.ACCOUNT_SECURITY, NotificationChannel.EMAIL)).isTrue();
        assertThat(defaults.allows(NotificationType.BOOKINGS, NotificationChannel.EMAIL)).isTrue();
        assertThat(defaults.allows(NotificationType.PAYMENT_RECEIPTS, NotificationChannel.EMAIL)).isTrue();
        assertThat(defaults.allows(NotificationType.LOYALTY, NotificationChannel.EMAIL)).isTrue();
        assertThat(defaults.allows(NotificationType.MARKETING, NotificationChannel.EMAIL)).as("opt-in only (GDPR)").isFalse();
        for (NotificationType type : NotificationType.values()) {
            assertThat(defaults.allows(type, NotificationChannel.SMS)).as(type.name()).isFalse();
        }
    }

    @Test
    void a_guest_opts_in_and_out_of_what_is_not_essential() {
        NotificationPreferences chosen = NotificationPreferences.defaults()
                .with(NotificationType.MARKETING, NotificationChannel.EMAIL, true)
                .with(NotificationType.LOYALTY, NotificationChannel.EMAIL, false)
                .with(NotificationType.BOOKINGS, NotificationChannel.SMS, true);

        assertThat(chosen.allows(NotificationType.MARKETING, NotificationChannel.EMAIL)).isTrue();
        assertThat(chosen.allows(NotificationType.LOYALTY, NotificationChannel.EMAIL)).isFalse();
        assertThat(chosen.allows(NotificationType.BOOKINGS, NotificationChannel.SMS)).isTrue();
        assertThat(chosen.chose(NotificationType.LOYALTY, NotificationChannel.EMAIL)).isTrue();
        assertThat(chosen.chose(NotificationType.PAYMENT_RECEIPTS, NotificationChannel.EMAIL)).isFalse();
        assertThat(NotificationPreferences.defaults().allows(NotificationType.LOYALTY, NotificationChannel.EMAIL)).as("immutable").isTrue();
    }

    @Test
    void essential_email_cannot_be_turned_off() {
        for (NotificationType essential : new NotificationType[] {NotificationType.ACCOUNT_SECURITY, NotificationType.BOOKINGS}) {
            assertThatThrownBy(() -> NotificationPreferences.defaults().with(essential, NotificationChannel.EMAIL, false))
                    .isInstanceOf(NotificationPreferences.EssentialNotificationException.class)
                    .hasMessageContaining("essential");
        }
        assertThat(NotificationPreferences.defaults().with(NotificationType.BOOKINGS, NotificationChannel.SMS, false)
                .allows(NotificationType.BOOKINGS, NotificationChannel.EMAIL)).isTrue();
    }

    @Test
    void every_template_belongs_to_a_type_and_unknown_ones_are_refused() {
        for (String template : EmailTemplates.ALL) {
            assertThat(EmailTemplates.typeOf(template)).as(template).isNotNull();
        }
        assertThat(EmailTemplates.typeOf("booking-confirmation").essential()).isTrue();
        assertThat(EmailTemplates.typeOf("loyalty-points-earned").essential()).isFalse();
        assertThatThrownBy(() -> EmailTemplates.typeOf("newsletter")).isInstanceOf(IllegalArgumentException.class);
    }
}
