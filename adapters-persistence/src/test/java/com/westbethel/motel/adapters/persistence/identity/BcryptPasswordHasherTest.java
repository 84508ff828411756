package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void a_hash_names_its_algorithm_and_hides_the_password() {
        String hash = hasher.hash("violet-kayak-morning-tundra");

        assertThat(hash).startsWith("{bcrypt}$2a$04$").doesNotContain("violet");
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        assertThat(hasher.hash("violet-kayak-morning-tundra")).isNotEqualTo(hasher.hash("violet-kayak-morning-tundra"));
    }

    @Test
    void the_right_password_matches_its_hash() {
        String hash = hasher.hash("violet-kayak-morning-tundra");

        assertThat(hasher.matches("violet-kayak-morning-tundra", hash)).isTrue();
    }

    @Test
    void a_wrong_password_does_not_match() {
        String hash = hasher.hash("violet-kayak-morning-tundra");

        assertThat(hasher.matches("violet-kayak-morning-tundrA", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
    }

    @Test
    void a_hash_made_with_another_cost_still_matches() {
        String strongerHash = new BcryptPasswordHasher(5).hash("violet-kayak-morning-tundra");

        assertThat(hasher.matches("violet-kayak-morning-tundra", strongerHash)).isTrue();
    }

    @Test
    void a_garbage_hash_gives_false_instead_of_throwing() {
        for (String garbage : new String[] {"not a hash", "{bcrypt}not a hash", "{md5}5f4dcc3b5aa765d61d8327deb882cf99",
                "$2a$04$withoutAnAlgorithmPrefix", ""}) {
            assertThatCode(() -> hasher.matches("violet-kayak-morning-tundra", garbage)).as(garbage).doesNotThrowAnyException();
            assertThat(hasher.matches("violet-kayak-morning-tundra", garbage)).as(garbage).isFalse();
        }
    }
}
