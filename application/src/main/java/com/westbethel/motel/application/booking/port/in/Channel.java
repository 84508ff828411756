package com.westbethel.motel.application.booking.port.in;

/**
 * Where a booking or a cancellation came from, as the driving adapter that took it knows: the guest website, the JSON API,
 * or the front desk (staff and admins working through the API). Counted in the business metrics; it changes no rule.
 */
public enum Channel {
    WEB,
    API,
    FRONT_DESK
}
