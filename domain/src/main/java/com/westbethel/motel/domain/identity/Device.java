package com.westbethel.motel.domain.identity;

import com.westbethel.motel.domain.shared.ClientAddress;
import com.westbethel.motel.domain.shared.Sha256;
import java.util.Objects;

/**
 * The client a session was started from: its address, its user agent, and a fingerprint of the
 * agent and its client hints. The fingerprint tells "a device seen before" from "a new device"; it
 * is not a secret and not an identity.
 */
public record Device(String ipAddress, String userAgent, String fingerprint) {

    public Device {
        Objects.requireNonNull(ipAddress, "ipAddress");
        userAgent = userAgent == null ? "" : userAgent;
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** @param clientHints the {@code Sec-CH-UA*} request headers in a fixed order, absent ones empty */
    public static Device of(String ipAddress, String userAgent, String... clientHints) {
        StringBuilder material = new StringBuilder(userAgent == null ? "" : userAgent);
        for (String hint : clientHints) {
            material.append('\n').append(hint == null ? "" : hint);
        }
        return new Device(ipAddress, userAgent, Sha256.hex(material.toString()).substring(0, 32));
    }

    /** What lockouts count this device's attempts against: its IPv4 address or IPv6 /64 (see {@link ClientAddress}). */
    public String throttleKey() {
        return ClientAddress.parseOrUnknown(ipAddress).throttleKey();
    }
}
