package com.westbethel.motel.application.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.Change;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase.UpdateResult;
import com.westbethel.motel.application.notification.port.out.NotificationPreferenceStore;
import com.westbethel.motel.application.notification.port.out.UnsubscribeLinks;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationPreferences;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManageNotificationPreferencesServiceTest {

    /** Signs by appending a secret: enough to tell a signed token from a forged one here (HMAC is the adapter's). */
    private static final UnsubscribeLinks LINKS = new UnsubscribeLinks() {
        @Override
        public String sign(UnsubscribeToken token) {
            return token.user() + "." + token.type() + ".signed";
        }

        @Override
        public Optional<UnsubscribeToken> verify(String token) {
            String[] parts = token.split("\\.");
            return parts.length == 3 && parts[2].equals("signed")
                    ? Optional.of(new UnsubscribeToken(UUID.fromString(parts[0]), NotificationType.valueOf(parts[1]))) : Optional.empty();
        }
    };
    private static final UserId ANNA = UserId.random();

    private final Store store = new Store();
    private final ManageNotificationPreferencesService service = new ManageNotificationPreferencesService(store,
            new NotificationSettings(List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"))), LINKS,
            Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_refused_change_leaves_every_other_change_of_the_request_unapplied() {
        UpdateResult result = service.update(ANNA, List.of(new Change(NotificationType.MARKETING, NotificationChannel.EMAIL, true),
                new Change(NotificationType.BOOKINGS, NotificationChannel.EMAIL, false)), Optional.of("nb"));

        assertThat(result).isInstanceOf(UpdateResult.Refused.class);
        assertThat(store.saved).isEmpty();
        assertThat(store.locale).isEqualTo(Locale.ENGLISH);
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

    private static final class Store implements NotificationPreferenceStore {

        private final Map<UserId, NotificationPreferences> saved = new HashMap<>();
        private final List<String> sources = new ArrayList<>();
        private Locale locale = Locale.ENGLISH;

        @Override
        public NotificationPreferences find(UserId user) {
            return saved.getOrDefault(user, NotificationPreferences.defaults());
        }

        @Override
        public NotificationPreferences findForUpdate(UserId user) {
            return find(user);
        }

        @Override
        public void save(UserId user, NotificationPreferences preferences, String source, Instant at) {
            saved.put(user, preferences);
            sources.add(source);
        }

        @Override
        public Optional<Locale> locale(UserId user) {
            return user.equals(ANNA) ? Optional.of(locale) : Optional.empty();
        }

        @Override
        public void saveLocale(UserId user, Locale chosen) {
            locale = chosen;
        }
    }
}
