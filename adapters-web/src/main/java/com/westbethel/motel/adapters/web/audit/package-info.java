/** The audit log over the API: an entry as JSON, and the admins' check that nobody rewrote the log. */
package com.westbethel.motel.adapters.web.audit;
