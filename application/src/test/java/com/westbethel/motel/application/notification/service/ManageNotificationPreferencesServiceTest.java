package com.westbethel.motel.application.notification.service;

import static com.westbethel.motel.application.notification.service.InMemoryNotifications.LINKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.Change;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.UpdateResult;
import com.westbethel.motel.application.notification.service.InMemoryNotifications.InMemoryPreferences;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManageNotificationPreferencesServiceTest {

    private static final UserId ANNA = UserId.random();

    private final InMemoryPreferences store = new InMemoryPreferences().with(ANNA, Locale.ENGLISH);
    private final ManageNotificationPreferencesService service = new ManageNotificationPreferencesService(store,
            new NotificationSettings(List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))), LINKS,
            Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_refused_change_leaves_every_other_change_of_the_request_unapplied() {
        UpdateResult result = service.update(ANNA, List.of(new Change(NotificationType.MARKETING, NotificationChannel.EMAIL, true),
                new Change(NotificationType.BOOKINGS, NotificationChannel.EMAIL, false)), Optional.of("nb"));

        assertThat(result).isInstanceOf(UpdateResult.Refused.class);
        assertThat(store.sources).as("nothing saved").isEmpty();
        assertThat(store.locale(ANNA)).contains(Locale.ENGLISH);
    }

    @Test
    void a_supported_language_and_the_changes_are_saved_with_their_source() {
        UpdateResult result = service.update(ANNA, List.of(new Change(NotificationType.MARKETING, NotificationChannel.EMAIL, true)),
                Optional.of("nb"));

        assertThat(result).isInstanceOfSatisfying(UpdateResult.Updated.class, updated -> {
            assertThat(updated.preferences().locale()).isEqualTo("nb");
            assertThat(updated.preferences().types()).filteredOn(type -> type.type() == NotificationType.MARKETING)
                    .singleElement().satisfies(type -> assertThat(type.email()).isTrue());
        });
        assertThat(store.sources).containsExactly("account");
        assertThat(service.update(ANNA, List.of(), Optional.of("de"))).isInstanceOfSatisfying(UpdateResult.Refused.class,
                refused -> assertThat(refused.field()).isEqualTo("locale"));
    }

    @Test
    void a_signed_link_unsubscribes_its_type_and_a_link_for_essential_mail_or_a_stranger_does_nothing() {
        String loyalty = LINKS.sign(new UnsubscribeToken(ANNA.value(), NotificationType.LOYALTY));

        assertThat(service.unsubscribeTarget(loyalty)).contains(NotificationType.LOYALTY);
        assertThat(service.unsubscribe(loyalty)).isTrue();
        assertThat(store.find(ANNA).allows(NotificationType.LOYALTY, NotificationChannel.EMAIL)).isFalse();
        assertThat(store.sources).containsExactly("unsubscribe-link");

        assertThat(service.unsubscribe(LINKS.sign(new UnsubscribeToken(ANNA.value(), NotificationType.BOOKINGS)))).isFalse();
        assertThat(service.unsubscribe(LINKS.sign(new UnsubscribeToken(UserId.random().value(), NotificationType.LOYALTY)))).isFalse();
    }
}
