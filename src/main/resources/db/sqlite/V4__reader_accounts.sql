-- Readers' identity. Readers and subscribers are rows of the account table beside staff, so a
-- comment's account_id, votes, reports and sanctions work the same for everyone who signs in.
-- Keep in step with db/postgresql/V4__reader_accounts.sql.

alter table account add column handle text;
alter table account add column avatar_url text;
alter table account add column bio text not null default '';
-- Comma-separated badges shown beside the name (set by the host site's SSO token).
alter table account add column badges text not null default '';
alter table account add column email_verified_at bigint;
-- The host site's own id for this reader, when they came through SSO.
alter table account add column sso_subject text;
create unique index account_handle on account (site_id, handle);
create unique index account_sso on account (site_id, sso_subject);

-- A signed-in reader: a random token (kept only as its hash) sent as a cookie or a bearer token.
create table reader_session (
  token_hash   text    primary key,
  account_id   integer not null references account(id),
  csrf_token   text    not null,
  via          text    not null,
  created_at   bigint  not null,
  expires_at   bigint  not null
);
create index reader_session_account on reader_session (account_id);

-- Ids of single-use links (magic sign-in, password reset) already followed, until they expire.
create table used_link (
  id          text    primary key,
  expires_at  bigint  not null
);

-- Each site's rules for readers: who may comment, and how the host site signs its readers in.
create table site_sign_on (
  site_id       integer primary key references site(id),
  commenters    text    not null default 'anyone',
  sso_secret    text,
  sso_key_pem   text,
  sso_jwks_url  text,
  sso_issuer    text,
  updated_at    bigint  not null
);

-- OpenID Connect (or GitHub OAuth) providers an operator configured for a site.
create table sign_in_provider (
  id             integer primary key,
  site_id        integer not null references site(id),
  name           text    not null,
  kind           text    not null,
  label          text    not null,
  issuer         text    not null,
  client_id      text    not null,
  client_secret  text    not null,
  created_at     bigint  not null,
  unique (site_id, name)
);

-- An account's identity at a provider (the provider's stable subject id).
create table account_identity (
  provider_id  integer not null references sign_in_provider(id),
  subject      text    not null,
  account_id   integer not null references account(id),
  created_at   bigint  not null,
  primary key (provider_id, subject)
);
