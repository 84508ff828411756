/** What callers can do about identity: one input port per action a user or admin takes. */
package com.westbethel.motel.application.identity.port.in;
