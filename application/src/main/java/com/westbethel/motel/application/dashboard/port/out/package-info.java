/** What the dashboard needs: this process's meters, every replica's samples, and the business figures of the database. */
package com.westbethel.motel.application.dashboard.port.out;
