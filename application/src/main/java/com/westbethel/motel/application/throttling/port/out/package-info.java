/** Token buckets shared by every replica. */
package com.westbethel.motel.application.throttling.port.out;
