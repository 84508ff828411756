package com.westbethel.motel.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Finding 1: only a well-formed IP literal is a client address; IPv6 is keyed by its /64.
class ClientAddressTest {

    @Test
    void an_ipv4_address_is_keyed_by_the_whole_address() {
        ClientAddress address = ClientAddress.parse("203.0.113.7").orElseThrow();

        assertThat(address.value()).isEqualTo("203.0.113.7");
        assertThat(address.throttleKey()).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6_addresses_in_one_slash_64_share_a_key_and_those_in_another_do_not() {
        ClientAddress one = ClientAddress.parse("2001:db8:1:2:aaaa::1").orElseThrow();
        ClientAddress sameSubscriber = ClientAddress.parse("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff").orElseThrow();
        ClientAddress neighbour = ClientAddress.parse("2001:db8:1:3::1").orElseThrow();

        assertThat(one.throttleKey()).isEqualTo("2001:db8:1:2::/64").isEqualTo(sameSubscriber.throttleKey());
        assertThat(neighbour.throttleKey()).isEqualTo("2001:db8:1:3::/64");
        assertThat(one.value()).as("the full address is kept for the login history").isEqualTo("2001:db8:1:2:aaaa::1");
    }

    @ParameterizedTest
    @CsvSource({
            "::ffff:192.0.2.1, 192.0.2.1",
            "::FFFF:c000:0201, 192.0.2.1",
            "64:ff9b::198.51.100.9, 198.51.100.9",
            "[2001:db8::7], 2001:db8::7",
            "0:0:0:0:0:0:0:1, ::1",
            "fe80::1%eth0, fe80::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "::, ::",
            "1::, 1::",
            "::1.2.3.4, ::102:304",
            "192.0.2.1:51234, 192.0.2.1",
            "[2001:db8::7]:443, 2001:db8::7"})
    void equal_addresses_have_one_canonical_form_and_mapped_ipv4_is_ipv4(String text, String canonical) {
        assertThat(ClientAddress.parse(text)).get().extracting(ClientAddress::value).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "example.com", "dead", "beef.cafe", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4",
            "1.2.3.4:", "1.2.3.4:123456", "[2001:db8::1]:", "1.2.3.4, 5.6.7.8", "::1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4::5:6:7:8", "12345::", ":1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:", "1.2.3.4::", "g::1", "unknown", "_hidden", "2001:db8::1 OR 1=1"})
    void anything_but_a_well_formed_ip_literal_is_refused_without_a_lookup(String text) {
        assertThat(ClientAddress.parse(text)).isEmpty();
        assertThat(ClientAddress.parseOrUnknown(text)).isEqualTo(ClientAddress.UNKNOWN);
    }
}
