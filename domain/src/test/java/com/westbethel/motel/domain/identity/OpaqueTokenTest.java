package com.westbethel.motel.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpaqueTokenTest {

    @Test
    void a_token_carries_256_random_bits_in_url_safe_text() {
        OpaqueToken token = OpaqueToken.generate();

        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void tokens_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(OpaqueToken.generate().value());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void only_the_hash_is_stored_and_it_is_stable() {
        OpaqueToken token = new OpaqueToken("abc");

        assertThat(token.hash()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(token.toString()).doesNotContain("abc");
    }
}
