package com.westbethel.motel.bootstrap.worker;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the worker's schedules. Kept apart from the application class so that test slices of the
 * worker do not start them. Every schedule must be safe with several worker replicas running.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
