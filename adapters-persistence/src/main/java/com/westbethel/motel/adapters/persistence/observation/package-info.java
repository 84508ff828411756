/**
 * Spans (Micrometer observations) around what the core does and what it asks of the database: each use case call, each SQL
 * statement. Tracing itself (the OpenTelemetry bridge, sampling, export) is the deployables' configuration
 * (docs/architecture.md §9).
 */
package com.westbethel.motel.adapters.persistence.observation;
