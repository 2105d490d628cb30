-- Moderation: what the pipeline and moderators decided, each site's policy, reader reports
-- and sanctions. Keep in step with db/postgresql/V2__moderation.sql.

-- Every decision about a comment: a pipeline phase's hold, the readers' reports reaching the
-- threshold, a moderator's approve or reject. decided_by is 'pipeline', 'readers' or 'account:ID'.
create table moderation_decision (
  id           integer primary key,
  comment_id   integer not null references comment(id),
  phase        text    not null,
  outcome      text    not null,
  reason       text    not null default '',
  toxicity     double precision,
  spam         double precision,
  scores       text    not null default '{}',
  decided_by   text    not null,
  account_id   integer references account(id),
  created_at   bigint  not null
);
create index moderation_decision_comment on moderation_decision (comment_id, id);
create index moderation_decision_recent on moderation_decision (created_at);

-- A site's moderation settings: the preset it started from and the keys changed since (JSON).
create table moderation_policy (
  site_id     integer primary key references site(id),
  preset      text    not null,
  overrides   text    not null default '{}',
  updated_at  bigint  not null,
  updated_by  integer references account(id)
);

-- Reader reports ("flags"): one per reader per comment.
create table flag (
  id            integer primary key,
  comment_id    integer not null references comment(id),
  reporter_key  text    not null,
  ip_hash       text,
  reason        text    not null,
  note          text    not null default '',
  created_at    bigint  not null,
  unique (comment_id, reporter_key)
);
create index flag_reporter on flag (reporter_key, created_at);
create index flag_address on flag (ip_hash, created_at);

-- reported_at: when reports reached the site's threshold (the Reported tab of the queue).
alter table comment add column report_count integer not null default 0;
alter table comment add column reported_at bigint;
create index comment_reported on comment (reported_at);
create index comment_by_guest on comment (guest_key, created_at);
create index comment_by_account on comment (account_id, created_at);
create index comment_by_address on comment (ip_hash, created_at);

-- Bans, timed suspensions and "hold everything" marks on one identity of a commenter.
create table sanction (
  id             integer primary key,
  site_id        integer not null references site(id),
  kind           text    not null,
  identity_kind  text    not null,
  identity       text    not null,
  reason         text    not null default '',
  starts_at      bigint  not null,
  ends_at        bigint,
  created_by     integer references account(id),
  lifted_at      bigint,
  lifted_by      integer references account(id)
);
create index sanction_identity on sanction (site_id, identity_kind, identity);
