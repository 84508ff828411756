package com.westbethel.motel.adapters.web.identity;

import com.westbethel.motel.domain.identity.Device;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** The device a request comes from: address (as the forwarded-headers setting resolves it), agent, client hints. */
final class ClientDevice {

    private ClientDevice() {
    }

    static Device of(HttpServletRequest request) {
        return Device.of(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT),
                request.getHeader("Sec-CH-UA"), request.getHeader("Sec-CH-UA-Platform"), request.getHeader("Sec-CH-UA-Mobile"));
    }
}
