/** The notification use cases, framework-free; transactions are applied around them by the bootstrap. */
package com.westbethel.motel.application.notification.service;
