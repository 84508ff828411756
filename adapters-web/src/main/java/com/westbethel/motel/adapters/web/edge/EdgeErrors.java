package com.westbethel.motel.adapters.web.edge;

import org.springframework.http.HttpStatus;

/**
 * What an error raised before Spring MVC tells the client: a fixed sentence per status, never the container's or the
 * firewall's own message (which may echo the refused input or name the server).
 */
final class EdgeErrors {

    private EdgeErrors() {
    }

    static HttpStatus status(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status == null || code < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed: check its address, parameters and headers.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take this method.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too large.";
            case URI_TOO_LONG -> "The request's address is too long.";
            case SERVICE_UNAVAILABLE -> "The service is unavailable for a moment; please try again.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side. The error has been logged; please try again later."
                    : "The request cannot be answered: " + status.getReasonPhrase() + ".";
        };
    }
}
