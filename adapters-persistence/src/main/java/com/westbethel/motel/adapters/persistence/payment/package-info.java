/**
 * The card processor: the sandbox (its ledger in PostgreSQL tables of its own, as a real processor keeps one on its side)
 * behind a client timeout, and their wiring.
 */
package com.westbethel.motel.adapters.persistence.payment;
