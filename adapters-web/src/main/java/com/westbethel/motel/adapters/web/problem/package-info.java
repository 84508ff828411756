/** How the API reports errors: RFC 9457 problem details, never a stack trace. */
package com.westbethel.motel.adapters.web.problem;
