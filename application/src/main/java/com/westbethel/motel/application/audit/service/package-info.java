/** The audit use cases. */
package com.westbethel.motel.application.audit.service;
