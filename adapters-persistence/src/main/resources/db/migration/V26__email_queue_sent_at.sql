-- The staff console counts the emails sent lately (its admins' email queue page) without reading the whole sent history.
CREATE INDEX email_queue_sent_at ON email_queue (sent_at) WHERE status = 'SENT';
