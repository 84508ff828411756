package com.westbethel.motel.application.notification.port.in;

/** An operator (or the worker's metrics) asks how the outgoing email queue is doing. */
public interface InspectEmailQueueUseCase {

    EmailQueueReport inspectEmailQueue();
}
