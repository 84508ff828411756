/** The identity endpoints: /api/v1/auth, /api/v1/users/me and the admins' token revocation. */
package com.westbethel.motel.adapters.web.identity;
