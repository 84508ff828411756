-- The front desk's list of every booking, newest first (GET /api/v1/bookings as staff: ORDER BY created_at DESC, id
-- LIMIT ... OFFSET ...), read from an index in that order instead of sorting the whole table for each page: at a
-- million bookings the sort reads every row (QueryPlansIT). The other queries of the booking path already have
-- theirs (docs/performance.md, "Database, pool and HTTP").
CREATE INDEX bookings_created ON bookings (created_at DESC, id);
