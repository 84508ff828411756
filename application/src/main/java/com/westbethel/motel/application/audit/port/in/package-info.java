/** What staff and admins ask of the audit log. */
package com.westbethel.motel.application.audit.port.in;
