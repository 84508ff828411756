/**
 * The live dashboard's arithmetic over the samples every API replica writes of its own meters: rates from each replica's
 * consecutive samples, then summed over the replicas, so that the figures are the whole system's whatever replica answers.
 */
package com.westbethel.motel.domain.dashboard;
