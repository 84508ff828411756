/** Gatling load scenarios of the motel's API (normal, peak, stress), run on request by scripts/gatling.sh. */
package com.westbethel.motel.load;
