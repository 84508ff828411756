/** What the motel offers: the property, its room types and rooms, and the rates for their nights. */
package com.westbethel.motel.domain.inventory;
