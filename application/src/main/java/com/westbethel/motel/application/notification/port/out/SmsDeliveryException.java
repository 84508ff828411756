package com.westbethel.motel.application.notification.port.out;

/** The SMS provider could not be reached or did not take the message. */
public class SmsDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SmsDeliveryException(String message) {
        super(message);
    }

    public SmsDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
