package com.westbethel.motel.adapters.web.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where the site may send a visitor back to after a login ({@code ?next=}): a path of this site and nothing else, so that
 * a crafted link cannot make the motel's login page forward a guest to another site (no open redirect).
 */
public final class LocalPaths {

    private static final Pattern PLAIN = Pattern.compile("/[A-Za-z0-9/._~%!$&'()*+,;=:@?-]{0,500}");

    private LocalPaths() {
    }

    /** {@code next} if it is a path of this site ({@code /account?x=1}), else {@code fallback}. */
    public static String orElse(String next, String fallback) {
        return isLocal(next) ? next : fallback;
    }

    /** A path that starts with one slash, names no scheme nor host ({@code //evil}, {@code /\evil}, {@code https:}), and holds no control character. */
    public static boolean isLocal(String next) {
        if (next == null || !PLAIN.matcher(next).matches() || next.startsWith("//")) {
            return false;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null && uri.getRawPath().startsWith("/");
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
