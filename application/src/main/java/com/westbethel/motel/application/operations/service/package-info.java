/** The operations use cases, framework-free. */
package com.westbethel.motel.application.operations.service;
