/** The live dashboard: what staff watch, and the sampling every API replica does of its own meters. */
package com.westbethel.motel.application.dashboard.port.in;
