/**
 * The occupancy report's arithmetic (USALI): room-nights available and sold, room revenue with each booking's discount
 * shared exactly over its nights, occupancy, ADR and RevPAR. Pure: the facts come in, the figures go out.
 */
package com.westbethel.motel.domain.reporting;
