/** The reporting use cases, framework-free; transactions are applied around them by the bootstrap. */
package com.westbethel.motel.application.reporting.service;
