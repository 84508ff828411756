/**
 * The outer edge: errors raised before Spring MVC (the servlet container, the security firewall, {@code /error})
 * answered as problem+json for the API and as the website's error page for a browser's page request (and so are
 * exceptions raised while serving a page), input no layer behind should see (the NUL character) refused where it enters,
 * and the correlation id every request, answer and log line carries ({@link RequestIdFilter}).
 */
package com.westbethel.motel.adapters.web.edge;
