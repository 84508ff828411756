/** What the operations use cases need from the infrastructure. */
package com.westbethel.motel.application.operations.port.out;
