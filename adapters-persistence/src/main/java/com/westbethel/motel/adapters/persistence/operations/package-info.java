/** Infrastructure facts admins ask about: the schema's migrations. */
package com.westbethel.motel.adapters.persistence.operations;
