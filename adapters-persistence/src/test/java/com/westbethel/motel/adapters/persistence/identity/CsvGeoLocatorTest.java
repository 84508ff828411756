package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvGeoLocatorTest {

    @TempDir
    Path folder;

    @Test
    void the_most_specific_network_places_an_address_ipv4_and_ipv6() throws IOException {
        Path csv = Files.writeString(folder.resolve("geo.csv"), """
                # cidr,latitude,longitude,label
                203.0.113.0/24,44.404,-70.791,Bethel, ME, US
                203.0.0.0/16,43.661,-70.255,Portland, ME, US
                2001:db8::/32,-33.869,151.209,Sydney, AU
                """);
        CsvGeoLocator geo = CsvGeoLocator.load(csv);

        assertThat(geo.locate("203.0.113.77")).hasValueSatisfying(place -> assertThat(place.label()).isEqualTo("Bethel, ME, US"));
        assertThat(geo.locate("203.0.5.1")).hasValueSatisfying(place -> assertThat(place.label()).isEqualTo("Portland, ME, US"));
        assertThat(geo.locate("2001:db8::1")).hasValueSatisfying(place -> assertThat(place.latitude()).isEqualTo(-33.869));
        assertThat(geo.locate("198.51.100.1")).isEmpty();
        assertThat(geo.locate("not-an-address.example")).isEmpty();
    }

    @Test
    void without_a_file_no_address_is_placed() {
        assertThat(CsvGeoLocator.none().locate("203.0.113.77")).isEmpty();
    }

    @Test
    void a_malformed_line_is_refused_at_start_with_its_line_number() throws IOException {
        Path csv = Files.writeString(folder.resolve("geo.csv"), "203.0.113.0/24,44.4\n");

        assertThatThrownBy(() -> CsvGeoLocator.load(csv)).hasMessageContaining("line 1");
    }
}
