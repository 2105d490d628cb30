-- A page of a thread reads its top-level comments oldest or newest first and stops after the
-- page. Without an index in (discussion, parent, id) order the database read and sorted every
-- top-level comment of the thread on each page: 14,000 rows for the first page of a
-- 20,000-comment thread. ThreadReader orders by parent_id (null on every top-level row) first,
-- so that PostgreSQL, too, sees that this order needs no sort.
create index comment_top_level on comment (discussion_id, parent_id, id);
