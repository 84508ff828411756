/** PostgreSQL side of the staff's reports and the live dashboard: stay facts, business pulse, per-replica metric samples. */
package com.westbethel.motel.adapters.persistence.reporting;
