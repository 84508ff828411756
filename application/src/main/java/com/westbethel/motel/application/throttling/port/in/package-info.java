/** Admission of requests under the rate limits. */
package com.westbethel.motel.application.throttling.port.in;
