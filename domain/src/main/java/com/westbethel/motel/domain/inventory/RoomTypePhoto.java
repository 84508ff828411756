package com.westbethel.motel.domain.inventory;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A room type's photo: JPEG, PNG or WebP, at most {@link #MAX_BYTES}. Its kind is read from its first bytes (the "magic
 * numbers" each format starts with), never from a file name or a declared content type, so that what is served as an
 * image is one: a page or a script uploaded under an image's name is refused.
 */
public record RoomTypePhoto(String mediaType, byte[] bytes) {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};

    public RoomTypePhoto {
        Objects.requireNonNull(mediaType, "mediaType");
        bytes = bytes.clone();
    }

    /** The photo these bytes are, or empty if they are not a JPEG, PNG or WebP image (whatever their size). */
    public static Optional<RoomTypePhoto> of(byte[] bytes) {
        return kindOf(bytes).map(mediaType -> new RoomTypePhoto(mediaType, bytes));
    }

    static Optional<String> kindOf(byte[] bytes) {
        if (startsWith(bytes, 0, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    public boolean tooLarge() {
        return bytes.length > MAX_BYTES;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoomTypePhoto photo && photo.mediaType.equals(mediaType) && Arrays.equals(photo.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RoomTypePhoto[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
