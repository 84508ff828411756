/** The website's account pages: log in and out, register, verify, reset, profile, password, two-factor, sessions, notifications. */
package com.westbethel.motel.adapters.web.site.account;
