package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.domain.inventory.RoomTypePhoto;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoomTypePhotoServiceTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    private final BookingFixture motel = BookingFixture.withQueenRooms(1);
    private final InMemoryInventoryConsole console = new InMemoryInventoryConsole(motel.inventory, motel.bookings, motel.promotions);
    private final RoomTypePhotoService photos = new RoomTypePhotoService(motel.inventory, console, motel.auditLog, motel.clock);
    private final Actor clerk = motel.staff("Sam");
    private final UUID queen = motel.queen.id().value();

    @Test
    void a_png_is_kept_as_a_png_audited_and_removed_again() {
        // when
        String mediaType = succeeded(photos.setPhoto(clerk, queen, PNG));

        // then
        assertThat(mediaType).isEqualTo("image/png");
        assertThat(photos.photo(queen)).hasValueSatisfying(photo -> assertThat(photo.bytes()).isEqualTo(PNG));
        succeeded(photos.removePhoto(clerk, queen));
        assertThat(photos.photo(queen)).isEmpty();
        assertThat(refusal(photos.removePhoto(clerk, queen)).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(motel.auditedActions()).containsExactly("ROOM_TYPE_PHOTO_SET", "ROOM_TYPE_PHOTO_REMOVED");
    }

    @Test
    void a_page_named_like_an_image_or_a_photo_too_large_is_refused_and_nothing_is_kept() {
        // given
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] huge = Arrays.copyOf(PNG, RoomTypePhoto.MAX_BYTES + 1);

        // when
        Refusal notAnImage = refusal(photos.setPhoto(clerk, queen, page));
        Refusal tooLarge = refusal(photos.setPhoto(clerk, queen, huge));
        Refusal noType = refusal(photos.setPhoto(clerk, UUID.randomUUID(), PNG));

        // then
        assertThat(notAnImage.kind()).isEqualTo(Refusal.Kind.UNSUPPORTED_MEDIA);
        assertThat(tooLarge.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(tooLarge.field()).isEqualTo("photo");
        assertThat(noType.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(photos.photo(queen)).isEmpty();
        assertThat(motel.auditLog.entries()).isEmpty();
    }
}
