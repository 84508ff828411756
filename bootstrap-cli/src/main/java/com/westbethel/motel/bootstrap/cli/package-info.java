/** motel-admin: Picocli commands that call use cases through their input ports, and their wiring. */
package com.westbethel.motel.bootstrap.cli;
