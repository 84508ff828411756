/** The audit log: who changed what, when, from what to what, in a tamper-evident hash chain. */
package com.westbethel.motel.domain.audit;
