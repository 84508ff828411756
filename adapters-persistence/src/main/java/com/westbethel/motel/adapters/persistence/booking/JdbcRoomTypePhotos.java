package com.westbethel.motel.adapters.persistence.booking;

import com.westbethel.motel.application.booking.port.out.RoomTypePhotos;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.inventory.RoomTypePhoto;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code room_type_photos} (V27): the bytes in PostgreSQL, so that every replica serves the same photo and a backup keeps it. */
public class JdbcRoomTypePhotos implements RoomTypePhotos {

    private final JdbcClient jdbc;

    public JdbcRoomTypePhotos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(RoomTypeId roomType, RoomTypePhoto photo, Instant at) {
        jdbc.sql("""
                        INSERT INTO room_type_photos (room_type_id, media_type, bytes, updated_at) VALUES (:type, :mediaType, :bytes, :at)
                        ON CONFLICT (room_type_id) DO UPDATE SET media_type = EXCLUDED.media_type, bytes = EXCLUDED.bytes, updated_at = EXCLUDED.updated_at
                        """)
                .param("type", roomType.value())
                .param("mediaType", photo.mediaType())
                .param("bytes", photo.bytes())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    @Override
    public boolean remove(RoomTypeId roomType) {
        return jdbc.sql("DELETE FROM room_type_photos WHERE room_type_id = :type").param("type", roomType.value()).update() > 0;
    }

    @Override
    public Optional<RoomTypePhoto> photo(RoomTypeId roomType) {
        return jdbc.sql("SELECT media_type, bytes FROM room_type_photos WHERE room_type_id = :type")
                .param("type", roomType.value())
                .query((row, number) -> new RoomTypePhoto(row.getString("media_type"), row.getBytes("bytes")))
                .optional();
    }
}
