package com.westbethel.motel.adapters.web.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Probe finding c: a NUL character in any JSON string is refused while reading, naming where it was. */
class NulCharacterRefusedTest {

    record Guest(String firstName, String lastName) {
    }

    record Booking(String reference, Guest guest, List<String> notes, Map<String, String> tags) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(NulCharacterRefused.module()).build();

    @Test
    void ordinary_strings_read_as_before() {
        Booking booking = json.readValue("{\"reference\":\"WB-1\",\"guest\":{\"firstName\":\"Åsa\",\"lastName\":\"\"},\"notes\":[\"late\"]}",
                Booking.class);

        assertThat(booking.guest().firstName()).isEqualTo("Åsa");
        assertThat(booking.notes()).containsExactly("late");
    }

    @Test
    void a_nul_in_a_nested_field_names_its_path() {
        assertThatThrownBy(() -> json.readValue("{\"guest\":{\"firstName\":\"A\\u0000\"}}", Booking.class))
                .isInstanceOfSatisfying(NulCharacterRefused.class, refused -> assertThat(refused.field()).isEqualTo("guest.firstName"));
    }

    @Test
    void a_nul_in_a_list_or_map_value_names_the_element() {
        assertThatThrownBy(() -> json.readValue("{\"notes\":[\"ok\",\"\\u0000\"]}", Booking.class))
                .isInstanceOfSatisfying(NulCharacterRefused.class, refused -> assertThat(refused.field()).isEqualTo("notes[1]"));
        assertThatThrownBy(() -> json.readValue("{\"tags\":{\"floor\":\"x\\u0000\"}}", Booking.class))
                .isInstanceOfSatisfying(NulCharacterRefused.class, refused -> assertThat(refused.field()).isEqualTo("tags.floor"));
    }

    @Test
    void a_bare_string_body_is_named_body() {
        assertThatThrownBy(() -> json.readValue("\"\\u0000\"", String.class))
                .isInstanceOfSatisfying(NulCharacterRefused.class, refused -> assertThat(refused.field()).isEqualTo("body"));
    }
}
