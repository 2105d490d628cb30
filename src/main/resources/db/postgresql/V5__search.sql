-- Search: a generated tsvector column per searchable table with a GIN index. Generated
-- columns follow every write (services, imports, migrate-db) in the same transaction and
-- cannot drift. Everything named search_* is derived from the text beside it.
-- Keep in step with db/sqlite/V5__search.sql: the 'simple' configuration (no stemming, no stop
-- words, case folded) tokenizes like FTS5's unicode61, so both databases find the same rows.
-- Weights mirror the bm25 column weights there: headline A, standfirst and tags B, body D.

alter table article add column search_document tsvector generated always as (
  setweight(to_tsvector('simple', headline), 'A') ||
  setweight(to_tsvector('simple', standfirst), 'B') ||
  setweight(to_tsvector('simple', tags), 'B') ||
  setweight(to_tsvector('simple', body_md), 'D')
) stored;
create index search_article on article using gin (search_document);

alter table comment add column search_document tsvector generated always as (
  setweight(to_tsvector('simple', body_md), 'D') ||
  setweight(to_tsvector('simple', author_name), 'B')
) stored;
create index search_comment on comment using gin (search_document);
