/** Wiring and configuration of the HTTP API; no business rule lives here. */
package com.westbethel.motel.bootstrap.api;
