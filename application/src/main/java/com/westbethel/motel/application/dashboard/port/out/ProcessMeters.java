package com.westbethel.motel.application.dashboard.port.out;

import com.westbethel.motel.domain.dashboard.ProcessTotals;

/** This process's own meters, read as cumulative totals. */
public interface ProcessMeters {

    ProcessTotals totals();
}
