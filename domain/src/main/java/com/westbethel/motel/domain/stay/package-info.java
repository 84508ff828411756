/** Dates of a stay and the rules about nights that every booking and availability question uses. */
package com.westbethel.motel.domain.stay;
