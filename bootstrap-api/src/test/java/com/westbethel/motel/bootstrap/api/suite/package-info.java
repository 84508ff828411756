/** The system validation suite of issue 10: the OpenAPI document, the authorization matrix, injection and fuzzing. */
package com.westbethel.motel.bootstrap.api.suite;
