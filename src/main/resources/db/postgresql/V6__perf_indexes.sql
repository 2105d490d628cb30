-- The repeated-post rule asks, on every post, whether others posted the same text in the last
-- hour. Without this index that query read every comment of the site (a full scan per post).
-- The same column as on SQLite (SchemaParityIT); a hash index here, because a b-tree entry is
-- limited to about 2,700 bytes and comments may be longer.
create index comment_same_text on comment using hash (body_md);
