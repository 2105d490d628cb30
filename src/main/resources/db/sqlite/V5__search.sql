-- Search: FTS5 indexes over articles and comments. They are external-content tables (the text
-- stays in article and comment; the index holds only tokens), kept in step by the triggers
-- below, so every write path — services, imports, migrate-db — updates them in its own
-- transaction. Everything named search_* is derived and can be rebuilt:
--   insert into search_article(search_article) values ('rebuild');
-- Keep in step with db/postgresql/V5__search.sql: both tokenize on letters and digits, fold
-- case and keep diacritics (PostgreSQL's 'simple' configuration), so both find the same rows.

create virtual table search_article using fts5(
  headline, standfirst, body_md, tags,
  content = 'article', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0'
);

create trigger search_article_insert after insert on article begin
  insert into search_article (rowid, headline, standfirst, body_md, tags)
  values (new.id, new.headline, new.standfirst, new.body_md, new.tags);
end;

create trigger search_article_delete after delete on article begin
  insert into search_article (search_article, rowid, headline, standfirst, body_md, tags)
  values ('delete', old.id, old.headline, old.standfirst, old.body_md, old.tags);
end;

create trigger search_article_update after update of headline, standfirst, body_md, tags on article begin
  insert into search_article (search_article, rowid, headline, standfirst, body_md, tags)
  values ('delete', old.id, old.headline, old.standfirst, old.body_md, old.tags);
  insert into search_article (rowid, headline, standfirst, body_md, tags)
  values (new.id, new.headline, new.standfirst, new.body_md, new.tags);
end;

create virtual table search_comment using fts5(
  body_md, author_name,
  content = 'comment', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0'
);

create trigger search_comment_insert after insert on comment begin
  insert into search_comment (rowid, body_md, author_name) values (new.id, new.body_md, new.author_name);
end;

create trigger search_comment_delete after delete on comment begin
  insert into search_comment (search_comment, rowid, body_md, author_name)
  values ('delete', old.id, old.body_md, old.author_name);
end;

-- Only the text columns: status changes, votes and paths do not touch the index.
create trigger search_comment_update after update of body_md, author_name on comment begin
  insert into search_comment (search_comment, rowid, body_md, author_name)
  values ('delete', old.id, old.body_md, old.author_name);
  insert into search_comment (rowid, body_md, author_name) values (new.id, new.body_md, new.author_name);
end;

-- Rows written before this migration.
insert into search_article (search_article) values ('rebuild');
insert into search_comment (search_comment) values ('rebuild');
