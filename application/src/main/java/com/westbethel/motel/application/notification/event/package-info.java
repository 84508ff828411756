/**
 * What happened that a guest should hear about, as facts: the email templates hold the words. The use cases that
 * cause these publish them inside their transaction; a listener in the messaging adapter hands each to
 * {@code QueueNotificationEmailsUseCase}, whose notification policy decides who gets which email.
 */
package com.westbethel.motel.application.notification.event;
