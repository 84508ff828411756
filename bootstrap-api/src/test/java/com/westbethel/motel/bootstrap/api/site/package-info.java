/** The guest website's browser tests: journeys and pages in a real headless Chromium on the API running here ({@link com.westbethel.motel.bootstrap.api.site.SiteBrowser}). */
package com.westbethel.motel.bootstrap.api.site;
