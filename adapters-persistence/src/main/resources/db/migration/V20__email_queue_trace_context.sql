-- The trace an email belongs to (docs/architecture.md §9, "Tracing"): the W3C trace context (traceparent, and baggage
-- such as the request's requestId) current when the email was queued, written in the same transaction as the change
-- that caused it. The worker continues that trace when it sends the row, so one trace covers the HTTP request, its SQL
-- and the SMTP send. Empty when tracing was off; rows queued before this migration have none.
ALTER TABLE email_queue ADD COLUMN trace_context jsonb NOT NULL DEFAULT '{}';
