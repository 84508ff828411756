package com.westbethel.motel.domain.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StayTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2027, 6, 1);

    @Test
    void a_stay_counts_the_nights_between_check_in_and_check_out() {
        Stay stay = new Stay(JUNE_1, JUNE_1.plusDays(3));

        assertThat(stay.nights()).isEqualTo(3);
        assertThat(stay.nightsDates()).containsExactly(JUNE_1, JUNE_1.plusDays(1), JUNE_1.plusDays(2));
    }

    @Test
    void check_out_must_come_after_check_in() {
        assertThatThrownBy(() -> new Stay(JUNE_1, JUNE_1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be after check-in");
        assertThatThrownBy(() -> new Stay(JUNE_1, JUNE_1.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_check_out_day_is_free_for_the_next_guest() {
        Stay leaving = Stay.of(JUNE_1, 2);
        Stay arriving = Stay.of(leaving.checkOut(), 1);

        assertThat(leaving.overlaps(arriving)).isFalse();
        assertThat(leaving.includesNight(leaving.checkOut())).isFalse();
    }

    @Test
    void stays_sharing_one_night_overlap() {
        assertThat(Stay.of(JUNE_1, 3).overlaps(Stay.of(JUNE_1.plusDays(2), 5))).isTrue();
        assertThat(Stay.of(JUNE_1, 10).overlaps(Stay.of(JUNE_1.plusDays(2), 1))).isTrue();
    }

    @Property
    void two_stays_overlap_exactly_when_they_share_a_night(
            @ForAll @IntRange(min = 0, max = 40) int firstOffset, @ForAll @IntRange(min = 1, max = 15) int firstNights,
            @ForAll @IntRange(min = 0, max = 40) int secondOffset, @ForAll @IntRange(min = 1, max = 15) int secondNights) {
        Stay first = Stay.of(JUNE_1.plusDays(firstOffset), firstNights);
        Stay second = Stay.of(JUNE_1.plusDays(secondOffset), secondNights);

        boolean shareANight = first.nightsDates().anyMatch(second::includesNight);

        assertThat(first.overlaps(second)).isEqualTo(shareANight);
        assertThat(second.overlaps(first)).isEqualTo(shareANight);
    }
}
