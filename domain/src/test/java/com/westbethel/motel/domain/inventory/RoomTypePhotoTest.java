package com.westbethel.motel.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RoomTypePhotoTest {

    @Test
    void jpeg_png_and_webp_are_known_by_their_first_bytes() {
        assertThat(RoomTypePhoto.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})).map(RoomTypePhoto::mediaType)
                .hasValue("image/jpeg");
        assertThat(RoomTypePhoto.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})).map(RoomTypePhoto::mediaType)
                .hasValue("image/png");
        assertThat(RoomTypePhoto.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).map(RoomTypePhoto::mediaType)
                .hasValue("image/webp");
    }

    @Test
    void anything_else_is_not_a_photo_whatever_it_claims() {
        assertThat(RoomTypePhoto.of("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(RoomTypePhoto.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(RoomTypePhoto.of("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1))).as("a RIFF that is not WebP").isEmpty();
        assertThat(RoomTypePhoto.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).as("cut short").isEmpty();
        assertThat(RoomTypePhoto.of(new byte[0])).isEmpty();
    }

    @Test
    void a_photo_over_two_megabytes_is_too_large() {
        byte[] bytes = new byte[RoomTypePhoto.MAX_BYTES + 1];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;

        assertThat(RoomTypePhoto.of(bytes).orElseThrow().tooLarge()).isTrue();
        assertThat(RoomTypePhoto.of(Arrays.copyOf(bytes, RoomTypePhoto.MAX_BYTES)).orElseThrow().tooLarge()).isFalse();
    }
}
