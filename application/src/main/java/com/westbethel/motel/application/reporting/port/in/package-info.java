/** What staff read about the motel's business: the occupancy report. */
package com.westbethel.motel.application.reporting.port.in;
