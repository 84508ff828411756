package com.westbethel.motel.adapters.web.security;

import com.westbethel.motel.domain.identity.Device;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** The device a request comes from: address (see {@link ClientAddresses}), agent, client hints; for the API and the website alike. */
public final class ClientDevice {

    private ClientDevice() {
    }

    public static Device of(HttpServletRequest request) {
        return Device.of(ClientAddresses.of(request).value(), request.getHeader(HttpHeaders.USER_AGENT),
                request.getHeader("Sec-CH-UA"), request.getHeader("Sec-CH-UA-Platform"), request.getHeader("Sec-CH-UA-Mobile"));
    }
}
