/** Value objects every business area shares, such as {@link com.westbethel.motel.domain.shared.Money}. */
package com.westbethel.motel.domain.shared;
