/**
 * What happened that a guest should hear about. The use cases that cause these publish them inside
 * their transaction; a listener in the messaging adapter turns each into an email in the outbox,
 * respecting the guest's preferences.
 */
package com.westbethel.motel.application.notification.event;
