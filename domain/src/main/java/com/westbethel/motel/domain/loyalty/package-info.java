/** Loyalty: points earned on paid stays, tiers, and the movements behind a balance. */
package com.westbethel.motel.domain.loyalty;
