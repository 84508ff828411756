/**
 * The guest website's shared pieces: the layout's view of the visitor, the local-path rule for redirects, and their
 * registration. Pages live in {@code site.account} and {@code site.booking}; templates under {@code templates/site/}.
 */
package com.westbethel.motel.adapters.web.site;
