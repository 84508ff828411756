/** Where audit entries are appended and read back. */
package com.westbethel.motel.application.audit.port.out;
