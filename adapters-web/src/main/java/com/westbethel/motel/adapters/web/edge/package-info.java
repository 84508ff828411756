/**
 * The API's outer edge: errors raised before Spring MVC (the servlet container, the security firewall, {@code /error})
 * answered as problem+json, and input no layer behind should see (the NUL character) refused where it enters.
 */
package com.westbethel.motel.adapters.web.edge;
