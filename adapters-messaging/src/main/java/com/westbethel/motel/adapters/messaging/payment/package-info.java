/** The card processor, reached like any other outside party the motel talks to. Today a sandbox. */
package com.westbethel.motel.adapters.messaging.payment;
