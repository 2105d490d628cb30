-- One setting for who may comment on a site, and staff roles on sites other than an account's own.
-- Keep in step with db/postgresql/V7__site_settings.sql.

-- Who may comment: anyone (guests and readers), accounts (signed-in readers only), subscribers.
-- It replaces two overlapping settings: site_sign_on.commenters and site.settings.guestCommenting.
-- Each site keeps what it allowed: the stricter of the two wins (guests off on an "anyone" site
-- meant signed-in readers only).
alter table site add column commenting text not null default 'anyone';
update site set commenting = coalesce((select s.commenters from site_sign_on s where s.site_id = site.id), 'anyone');
update site set commenting = 'accounts'
  where commenting = 'anyone' and replace(settings, ' ', '') like '%"guestCommenting":false%';
update site set settings = '{}'
  where replace(settings, ' ', '') in ('{"guestCommenting":false}', '{"guestCommenting":true}');
alter table site_sign_on drop column commenters;

-- A staff role an account holds on another site than its own (its own is account.role).
create table site_staff (
  site_id     integer not null references site(id),
  account_id  integer not null references account(id),
  role        text    not null,
  granted_by  integer references account(id),
  created_at  bigint  not null,
  primary key (site_id, account_id)
);
create index site_staff_account on site_staff (account_id);
