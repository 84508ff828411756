-- btree_gist lets an exclusion constraint combine equality on a room with overlap of a date range,
-- which is how the database itself forbids double booking (DESIGN section 3). It is a trusted
-- extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;
