-- Keys for the Perspective-compatible scoring endpoint (/v1alpha1/comments:analyze), one or
-- more per site, created and revoked by the operator. A key is kept only as its SHA-256 hash;
-- its first characters (prefix) name it in listings and in 'tribune site api-key --revoke'.
-- A key lets its holder score text, nothing else. Keep in step with db/postgresql/V7__api_keys.sql.
create table api_key (
  key_hash    text    primary key,
  site_id     integer not null references site(id),
  prefix      text    not null,
  per_minute  integer not null,
  created_at  bigint  not null
);
create index api_key_site on api_key (site_id);
