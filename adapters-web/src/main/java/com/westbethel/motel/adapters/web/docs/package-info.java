/** The OpenAPI document of the API and its Swagger UI. */
package com.westbethel.motel.adapters.web.docs;
