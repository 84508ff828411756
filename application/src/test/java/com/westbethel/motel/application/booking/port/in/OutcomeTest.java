package com.westbethel.motel.application.booking.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void a_success_folds_into_what_the_success_branch_makes_of_its_value() {
        // given
        Outcome<Integer> nights = Outcome.success(3);

        // when
        String answer = nights.fold(value -> value + " nights", refusal -> "refused: " + refusal.reason());

        // then
        assertThat(answer).isEqualTo("3 nights");
    }

    @Test
    void a_replayed_success_folds_like_a_first_one() {
        // given
        Outcome<Integer> nights = Outcome.replayed(3);

        // when
        String answer = nights.fold(value -> value + " nights", refusal -> "refused: " + refusal.reason());

        // then
        assertThat(answer).isEqualTo("3 nights");
    }

    @Test
    void a_refusal_folds_into_what_the_refusal_branch_makes_of_it() {
        // given
        Outcome<Integer> nights = Outcome.refused(new Refusal(Refusal.Kind.SOLD_OUT, null, "No room is free"));

        // when
        String answer = nights.fold(value -> value + " nights", refusal -> refusal.kind() + ": " + refusal.reason());

        // then
        assertThat(answer).isEqualTo("SOLD_OUT: No room is free");
    }
}
