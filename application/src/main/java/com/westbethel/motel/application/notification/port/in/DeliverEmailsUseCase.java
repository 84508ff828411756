package com.westbethel.motel.application.notification.port.in;

/** The worker sends what waits in the outbox, a batch at a time. */
public interface DeliverEmailsUseCase {

    DeliveryReport deliverBatch();

    record DeliveryReport(int sent, int retrying, int dead) {

        public int claimed() {
            return sent + retrying + dead;
        }
    }
}
