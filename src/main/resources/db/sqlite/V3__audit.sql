-- The moderators' audit log and their labeled decisions. Keep in step with db/postgresql/V3__audit.sql.

-- Every staff decision: approve, reject, ban, suspend, hold-everything, hide, restore, settings.
-- actor is the staff member's name at the time (accounts may be renamed); subject names the
-- commenter (their display name) or the identity a sanction was put on; detail is JSON.
create table audit_entry (
  id           integer primary key,
  site_id      integer not null references site(id),
  account_id   integer references account(id),
  actor        text    not null,
  action       text    not null,
  comment_id   integer references comment(id),
  subject      text    not null default '',
  reason       text    not null default '',
  detail       text    not null default '{}',
  created_at   bigint  not null
);
create index audit_entry_recent on audit_entry (site_id, id);
create index audit_entry_comment on audit_entry (comment_id);

-- Moderators' approve (label 0) and reject (label 1) decisions with the text as it was decided
-- on: the site's own training data for `moderation train --from-decisions`.
create table moderator_label (
  id           integer primary key,
  site_id      integer not null references site(id),
  comment_id   integer not null references comment(id),
  body         text    not null,
  label        integer not null,
  reason       text    not null default '',
  account_id   integer references account(id),
  created_at   bigint  not null
);
create index moderator_label_site on moderator_label (site_id, id);
