/**
 * The staff console's pages under {@code /staff}: the front desk's day, housekeeping, the tape chart, the occupancy report
 * and the live dashboard, on the website's chain (sessions, CSRF, its content security policy) for staff and admins only.
 */
package com.westbethel.motel.adapters.web.site.staff;
