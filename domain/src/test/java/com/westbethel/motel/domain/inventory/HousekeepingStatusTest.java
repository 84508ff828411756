package com.westbethel.motel.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HousekeepingStatusTest {

    @Test
    void a_room_is_ready_for_the_next_guest_once_cleaned_whether_or_not_inspected() {
        assertThat(HousekeepingStatus.CLEAN.ready()).isTrue();
        assertThat(HousekeepingStatus.INSPECTED.ready()).isTrue();
        assertThat(HousekeepingStatus.DIRTY.ready()).isFalse();
    }

    @Test
    void a_status_is_read_from_its_name_in_any_case_and_anything_else_is_none() {
        assertThat(HousekeepingStatus.parse(" inspected ")).contains(HousekeepingStatus.INSPECTED);
        assertThat(HousekeepingStatus.parse("DIRTY")).contains(HousekeepingStatus.DIRTY);
        assertThat(HousekeepingStatus.parse("SPARKLING")).isEmpty();
        assertThat(HousekeepingStatus.parse("")).isEmpty();
        assertThat(HousekeepingStatus.parse(null)).isEmpty();
    }
}
