-- The front desk's booking detail lists the emails sent about a booking (GET /api/v1/admin/bookings/{id}): every booking
-- email's model carries the booking's reference, so the outbox is read by it, through this index rather than a scan of the
-- whole (ever growing) sent history. Emails about no booking (verification, reset...) have no reference and stay out of it.
CREATE INDEX email_queue_booking_reference ON email_queue ((model ->> 'reference'), created_at DESC) WHERE model ->> 'reference' IS NOT NULL;
