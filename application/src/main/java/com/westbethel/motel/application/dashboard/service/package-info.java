/** The dashboard use cases, framework-free; the bootstrap schedules the sampling and applies transactions. */
package com.westbethel.motel.application.dashboard.service;
