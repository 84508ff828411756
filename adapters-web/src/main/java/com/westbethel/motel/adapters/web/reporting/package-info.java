/** HTTP for staff and admins: the occupancy report (JSON and CSV) and the live dashboard's figures. */
package com.westbethel.motel.adapters.web.reporting;
