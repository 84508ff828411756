-- The staff console's inventory: what bookings refer to is retired rather than deleted (a room type no longer offered, a
-- promotion code no longer redeemable), and each room type may have one photo, kept here so that every API replica serves it.

ALTER TABLE room_types ADD COLUMN retired_at timestamptz;
ALTER TABLE promotions ADD COLUMN retired_at timestamptz;

-- The bytes were read as a JPEG, PNG or WebP image before they were stored (RoomTypePhoto); the checks repeat the limits.
CREATE TABLE room_type_photos (
    room_type_id uuid        PRIMARY KEY REFERENCES room_types (id) ON DELETE CASCADE,
    media_type   varchar(16) NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
    bytes        bytea       NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 2097152),
    updated_at   timestamptz NOT NULL
);
