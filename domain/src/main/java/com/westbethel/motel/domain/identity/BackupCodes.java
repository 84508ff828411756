package com.westbethel.motel.domain.identity;

import com.westbethel.motel.domain.shared.Sha256;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-use recovery codes for a lost authenticator: ten of them, each 60 random bits written as
 * {@code XXXX-XXXX-XXXX} in an alphabet without look-alike characters. Only their hashes are kept.
 */
public final class BackupCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BackupCodes() {
    }

    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(14);
            for (int c = 0; c < 12; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return List.copyOf(codes);
    }

    /** The stored form; spaces, dashes and case do not matter when the user types a code back. */
    public static String hash(String code) {
        return Sha256.hex(normalise(code));
    }

    /** Whether the input has the shape of a backup code (as opposed to a six-digit TOTP code). */
    public static boolean looksLikeBackupCode(String input) {
        return normalise(input).length() == 12;
    }

    private static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
