/** Infrastructure admins work on: the schema's migrations, database dumps and the files backups are kept in. */
package com.westbethel.motel.adapters.persistence.operations;
