/** Who a caller is: users, roles, the password policy, opaque tokens. */
package com.westbethel.motel.domain.identity;
