/** Wiring and schedules of the background worker; no business rule lives here. */
package com.westbethel.motel.bootstrap.worker;
