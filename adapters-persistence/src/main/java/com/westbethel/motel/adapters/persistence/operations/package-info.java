/** Infrastructure admins work on: the schema's migrations, database dumps, the files backups are kept in; the business metrics. */
package com.westbethel.motel.adapters.persistence.operations;
