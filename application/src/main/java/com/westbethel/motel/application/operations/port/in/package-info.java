/** What admins can ask about the running system itself (schema, backups, caches). */
package com.westbethel.motel.application.operations.port.in;
