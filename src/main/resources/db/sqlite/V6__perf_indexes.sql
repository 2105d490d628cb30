-- The repeated-post rule asks, on every post, whether others posted the same text in the last
-- hour. Without this index that query read every comment of the site (a full scan per post).
create index comment_same_text on comment (body_md);
