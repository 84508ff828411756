/**
 * The staff console's pages under {@code /staff}: the front desk's day, housekeeping, bookings and walk-ins, the tape chart,
 * the occupancy report and the live dashboard, on the website's chain (sessions, CSRF, its content security policy) for staff
 * and admins only; its admin screens under {@code /staff/admin} (accounts, the email queue and templates, the audit log) for
 * admins only.
 */
package com.westbethel.motel.adapters.web.site.staff;
