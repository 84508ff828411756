/** The facts the occupancy report is computed from, as the system of record holds them. */
package com.westbethel.motel.application.reporting.port.out;
