package com.westbethel.motel.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant NOON = Instant.parse("2027-06-01T12:00:00Z");
    private final AuditEntry cancelled = new AuditEntry(NOON, "guest:42", "BOOKING_CANCELLED", "booking", "b-1",
            Map.of("status", "CONFIRMED"), Map.of("status", "CANCELLED", "refunded", "200.00"));

    @Test
    void the_hash_depends_on_the_previous_link_and_every_field() {
        String first = AuditChain.hash(AuditChain.GENESIS, cancelled);

        assertThat(first).hasSize(64).isEqualTo(AuditChain.hash(AuditChain.GENESIS, cancelled));
        assertThat(AuditChain.hash("1".repeat(64), cancelled)).isNotEqualTo(first);
        assertThat(AuditChain.hash(AuditChain.GENESIS, new AuditEntry(NOON, "guest:42", "BOOKING_CANCELLED", "booking", "b-1",
                Map.of("status", "CONFIRMED"), Map.of("status", "CANCELLED", "refunded", "0.00")))).isNotEqualTo(first);
    }

    @Test
    void an_entrys_own_text_covers_every_field_and_never_equals_a_links_text() {
        String own = AuditChain.entryText(cancelled);

        assertThat(own).isEqualTo(AuditChain.entryText(cancelled)).contains("guest:42", "BOOKING_CANCELLED", "200.00");
        assertThat(own).isNotEqualTo(AuditChain.text(AuditChain.GENESIS, cancelled));
        assertThat(AuditChain.entryText(new AuditEntry(NOON, "guest:43", "BOOKING_CANCELLED", "booking", "b-1",
                Map.of("status", "CONFIRMED"), Map.of("status", "CANCELLED", "refunded", "200.00")))).isNotEqualTo(own);
    }

    @Test
    void a_value_cannot_imitate_a_separator_to_forge_the_same_text() {
        assertThat(AuditChain.canonical(Map.of("a", "1;b=2"))).isNotEqualTo(AuditChain.canonical(Map.of("a", "1", "b", "2")));
    }
}
