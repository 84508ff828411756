package com.westbethel.motel.domain.shared;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network address a request comes from, as every rate limit and lockout keys by it.
 *
 * <p>Only a well-formed IPv4 or IPv6 literal is an address; text is parsed here, by hand, so that no
 * name is ever looked up in DNS. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) and a NAT64
 * address ({@code 64:ff9b::192.0.2.1}) are the IPv4 address they carry. Limits key an IPv6 client by
 * its /64: one subscriber usually holds a whole /64, so keying by the full address would hand an
 * attacker 2^64 fresh buckets.
 *
 * @param value the address in its canonical text: dotted IPv4, or compressed lower-case IPv6 (RFC 5952)
 * @param throttleKey what limits and lockouts count against: the IPv4 address, or the IPv6 /64 prefix
 */
public record ClientAddress(String value, String throttleKey) {

    /** Stands for a request whose address is not an IP literal: all such requests share one key. */
    public static final ClientAddress UNKNOWN = new ClientAddress("unknown", "unknown");

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");
    private static final Pattern IPV6_WITH_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]):\\d{1,5}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    /** The address in {@code text} (a port after it is dropped), or empty when it is not an IP literal (a name, garbage). */
    public static Optional<ClientAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = withoutPort(text.strip());
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone > 0 && literal.contains(":")) {
            // A link-local peer's interface (fe80::1%eth0) says nothing about the client.
            literal = literal.substring(0, zone);
        }
        if (literal.length() > 45) {
            return Optional.empty();
        }
        if (IPV4.matcher(literal).matches()) {
            return Optional.of(ipv4(literal));
        }
        return ipv6Bytes(literal).map(ClientAddress::ofIpv6);
    }

    /**
     * Some load balancers write the client's port after its address ({@code 192.0.2.1:51234}, {@code [2001:db8::1]:51234}):
     * the address is still the client's, and must not fall into the one key every unreadable address shares.
     */
    private static String withoutPort(String text) {
        Matcher ipv4WithPort = IPV4_WITH_PORT.matcher(text);
        if (ipv4WithPort.matches()) {
            return ipv4WithPort.group(1);
        }
        Matcher ipv6WithPort = IPV6_WITH_PORT.matcher(text);
        return ipv6WithPort.matches() ? ipv6WithPort.group(1) : text;
    }

    /** The address in {@code text}, or {@link #UNKNOWN}. */
    public static ClientAddress parseOrUnknown(String text) {
        return parse(text).orElse(UNKNOWN);
    }

    private static ClientAddress ipv4(String dotted) {
        String canonical = Arrays.stream(dotted.split("\\.")).map(part -> String.valueOf(Integer.parseInt(part)))
                .reduce((a, b) -> a + "." + b).orElseThrow();
        return new ClientAddress(canonical, canonical);
    }

    private static ClientAddress ofIpv6(byte[] bytes) {
        if (startsWith(bytes, MAPPED_PREFIX) || startsWith(bytes, NAT64_PREFIX)) {
            return ipv4((bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff));
        }
        byte[] prefix = Arrays.copyOf(bytes, 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        return new ClientAddress(ipv6Text(bytes), ipv6Text(prefix) + "/64");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Parses the RFC 4291 text forms (with {@code ::} and a trailing dotted IPv4); no zone, no brackets. */
    private static Optional<byte[]> ipv6Bytes(String text) {
        if (!text.contains(":") || text.contains(":::") || text.indexOf("::") != text.lastIndexOf("::")) {
            return Optional.empty();
        }
        int gap = text.indexOf("::");
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        String[] headGroups = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] tailGroups = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        int[] words = new int[8];
        int[] parsedHead = new int[8];
        int[] parsedTail = new int[8];
        // A dotted IPv4 ending is allowed only at the very end of the address.
        int headCount = groups(headGroups, parsedHead, gap < 0);
        if (headCount < 0) {
            return Optional.empty();
        }
        int tailCount = groups(tailGroups, parsedTail, true);
        if (tailCount < 0) {
            return Optional.empty();
        }
        if (gap < 0 ? headCount != 8 : headCount + tailCount > 7) {
            return Optional.empty();
        }
        System.arraycopy(parsedHead, 0, words, 0, headCount);
        System.arraycopy(parsedTail, 0, words, 8 - tailCount, tailCount);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (words[i] >>> 8);
            bytes[2 * i + 1] = (byte) words[i];
        }
        return Optional.of(bytes);
    }

    /**
     * Reads hex groups into 16-bit words; the last group may be a dotted IPv4 address (two words) when
     * {@code ipv4Allowed}. Returns the number of words, or -1 for a malformed group.
     */
    private static int groups(String[] groups, int[] into, boolean ipv4Allowed) {
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            if (last && ipv4Allowed && group.contains(".")) {
                if (!IPV4.matcher(group).matches() || count + 2 > 8) {
                    return -1;
                }
                String[] octets = group.split("\\.");
                into[count++] = Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]);
                into[count++] = Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
            } else {
                if (!HEX_GROUP.matcher(group).matches() || count + 1 > 8) {
                    return -1;
                }
                into[count++] = Integer.parseInt(group, 16);
            }
        }
        return count;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero words as {@code ::}. */
    private static String ipv6Text(byte[] bytes) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(words[i]));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
