-- Tribune schema. Times are epoch milliseconds (UTC). Flags are integers 0/1 so the
-- same statements run on SQLite and PostgreSQL.

create table site (
  id            integer primary key,
  host          text    not null unique,
  name          text    not null,
  tagline       text    not null default '',
  allowed_origins text  not null default '',
  settings      text    not null default '{}',
  created_at    bigint  not null
);

create table author (
  id          integer primary key,
  site_id     integer not null references site(id),
  slug        text    not null,
  name        text    not null,
  bio         text    not null default '',
  avatar_url  text,
  unique (site_id, slug)
);

create table article (
  id            integer primary key,
  site_id       integer not null references site(id),
  slug          text    not null,
  headline      text    not null,
  standfirst    text    not null default '',
  body_md       text    not null,
  body_html     text    not null,
  author_id     integer references author(id),
  tags          text    not null default '',
  published_at  bigint,
  created_at    bigint  not null,
  updated_at    bigint  not null,
  unique (site_id, slug)
);
create index article_latest on article (site_id, published_at);

-- The thread under one page of a site: a Tribune article, or any page named by its key.
create table discussion (
  id             integer primary key,
  site_id        integer not null references site(id),
  page_key       text    not null,
  article_id     integer references article(id),
  title          text    not null default '',
  url            text    not null default '',
  open           integer not null default 1,
  premoderated   integer not null default 0,
  comment_count  integer not null default 0,
  next_number    integer not null default 1,
  version        bigint  not null default 1,
  created_at     bigint  not null,
  unique (site_id, page_key)
);
create unique index discussion_article on discussion (article_id);

create table account (
  id             integer primary key,
  site_id        integer not null references site(id),
  email          text    not null,
  display_name   text    not null,
  password_hash  text,
  role           text    not null,
  author_id      integer references author(id),
  created_at     bigint  not null,
  unique (site_id, email)
);

create table staff_session (
  token_hash   text    primary key,
  account_id   integer not null references account(id),
  csrf_token   text    not null,
  created_at   bigint  not null,
  expires_at   bigint  not null
);

create table comment (
  id             integer primary key,
  discussion_id  integer not null references discussion(id),
  parent_id      integer references comment(id),
  root_id        integer,
  depth          integer not null default 0,
  number         integer,
  path           text    not null default '',
  author_name    text    not null,
  author_email   text,
  account_id     integer references account(id),
  guest_key      text,
  ip_hash        text,
  badge          text,
  body_md        text    not null,
  body_html      text    not null,
  status         text    not null,
  status_reason  text,
  score          integer not null default 0,
  upvotes        integer not null default 0,
  downvotes      integer not null default 0,
  created_at     bigint  not null,
  edited_at      bigint,
  deleted_at     bigint
);
create index comment_thread on comment (discussion_id, parent_id, status, id);
create index comment_root on comment (root_id, path);
create index comment_best on comment (discussion_id, parent_id, score, id);
create index comment_recent on comment (created_at);

create table vote (
  comment_id  integer not null references comment(id),
  voter_key   text    not null,
  value       integer not null,
  ip_hash     text,
  created_at  bigint  not null,
  primary key (comment_id, voter_key)
);

-- Append-only log of what readers would see change; its id is the live stream's event id.
create table event (
  id             integer primary key,
  discussion_id  integer not null references discussion(id),
  kind           text    not null,
  comment_id     integer,
  payload        text    not null default '{}',
  created_at     bigint  not null
);
create index event_discussion on event (discussion_id, id);

-- Values this installation keeps for itself, such as the generated signing secret.
create table instance_setting (
  name   text primary key,
  value  text not null
);
