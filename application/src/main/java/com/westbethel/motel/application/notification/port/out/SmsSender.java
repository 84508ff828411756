package com.westbethel.motel.application.notification.port.out;

/**
 * The text-message route. Sending either hands the message to the provider or throws
 * {@link SmsDeliveryException}; a refusal by the provider is an infrastructure fault, not a result
 * the caller can act on.
 */
public interface SmsSender {

    /** @throws SmsDeliveryException when the provider cannot be reached or does not take the message */
    void send(SmsMessage message);
}
