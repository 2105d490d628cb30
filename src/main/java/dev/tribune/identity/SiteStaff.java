package dev.tribune.identity;

import dev.tribune.domain.Account;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Role;
import dev.tribune.store.Database;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is staff on which site. A staff account belongs to one site (its own role is account.role);
 * an admin of another site may give it a role there too (site_staff), so one person signs in once
 * and works on every site they were given, each with its own role.
 */
public final class SiteStaff {
    /** One staff member of a site: the account as it acts there, and the host of the site it belongs to. */
    public record Member(Account account, long homeSiteId, String homeHost) {
        public boolean home() { return account.siteId() == homeSiteId; }
    }

    private final Database db;
    private final Accounts accounts;

    public SiteStaff(Database db, Accounts accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    /** The account as it acts on a site: its own role at home, the granted one elsewhere; empty if it is not staff there. */
    public Optional<Account> onSite(Account a, long siteId) {
        if (a.siteId() == siteId) return a.role().isStaff() ? Optional.of(a) : Optional.empty();
        if (!a.role().isStaff()) return Optional.empty();
        return db.read(h -> granted(h, a.id(), siteId)).map(r -> new Account(a.id(), siteId, a.email(), a.displayName(), r, null));
    }

    /** The account's role on a site, read fresh (a revoked role ends at the next request). */
    public Optional<Role> roleOn(long accountId, long siteId) {
        return accounts.byId(accountId).flatMap(a -> onSite(a, siteId)).map(Account::role);
    }

    /** The account as it is on its own site. */
    public Account home(long accountId) {
        return accounts.byId(accountId).orElseThrow(() -> Refusal.notFound("There is no account " + accountId + "."));
    }

    /** Signs a staff member in on a site: an account of that site, or one of another site given a role here. */
    public Optional<Account> authenticate(long siteId, String email, String password) {
        Optional<Account> own = accounts.authenticate(siteId, email, password);
        if (own.isPresent()) return own;
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        List<Long> homes = db.read(h -> h.createQuery("select a.site_id from account a join site_staff g on g.account_id = a.id "
                + "where g.site_id = ? and a.email = ? order by a.id").bind(0, siteId).bind(1, e).mapTo(Long.class).list());
        for (long home : homes) {
            Optional<Account> a = accounts.authenticate(home, e, password).flatMap(x -> onSite(x, siteId));
            if (a.isPresent()) return a;
        }
        return Optional.empty();
    }

    /** The staff of a site: its own staff accounts, then those of other sites given a role here. */
    public List<Member> of(long siteId) {
        return db.read(h -> h.createQuery("""
                        select a.id, a.site_id as home_site, s.host as home_host, a.email, a.display_name, a.author_id,
                               coalesce(g.role, a.role) as site_role
                        from account a join site s on s.id = a.site_id
                        left join site_staff g on g.account_id = a.id and g.site_id = :site
                        where (a.site_id = :site and a.role in ('admin', 'moderator', 'journalist'))
                           or (g.site_id is not null and a.role in ('admin', 'moderator', 'journalist'))
                        order by case when a.site_id = :site then 0 else 1 end, a.email""")
                .bind("site", siteId)
                .map((rs, ctx) -> {
                    long author = rs.getLong("author_id");
                    Long authorId = rs.wasNull() ? null : author;
                    boolean home = rs.getLong("home_site") == siteId;
                    Account a = new Account(rs.getLong("id"), siteId, rs.getString("email"), rs.getString("display_name"),
                            Role.parse(rs.getString("site_role")), home ? authorId : null);
                    return new Member(a, rs.getLong("home_site"), rs.getString("home_host"));
                }).list());
    }

    /** Each site the account is staff on, with its role there: its own site first. */
    public Map<Long, Role> sitesOf(Account home) {
        Map<Long, Role> out = new LinkedHashMap<>();
        Account a = accounts.byId(home.id()).orElse(home);
        if (!a.role().isStaff()) return out;
        out.put(a.siteId(), a.role());
        db.read(h -> h.createQuery("select site_id, role from site_staff where account_id = ? order by site_id").bind(0, a.id())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), Role.parse(rs.getString(2)))).list())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The staff account with this email on the given site (its own accounts only). */
    public Account staffAccount(long homeSiteId, String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!e.matches("[^@\\s]+@[^@\\s]+")) throw Refusal.invalid("email", "That is not an email address: '" + email + "'.");
        return accounts.byEmail(homeSiteId, e).filter(a -> a.role().isStaff())
                .orElseThrow(() -> Refusal.invalid("email", "There is no staff account " + e + " on that site."));
    }

    /**
     * Gives an account a staff role on a site: its own site's account changes role, another site's
     * account is given the role there. A site always keeps at least one admin.
     */
    public Account grant(long siteId, Account target, Role role, Account by) {
        if (role == null || !role.isStaff()) throw Refusal.invalid("role", "A staff role is admin, moderator or journalist.");
        if (!target.role().isStaff()) throw Refusal.invalid("email", target.email() + " is a reader's account, not a staff account.");
        db.update(h -> {
            if (target.siteId() == siteId) {
                if (role != Role.ADMIN) keepAnAdmin(h, siteId, target.id());
                h.createUpdate("update account set role = ? where id = ?").bind(0, role.db()).bind(1, target.id()).execute();
            } else {
                if (role != Role.ADMIN) keepAnAdmin(h, siteId, target.id());
                int changed = h.createUpdate("update site_staff set role = ? where site_id = ? and account_id = ?")
                        .bind(0, role.db()).bind(1, siteId).bind(2, target.id()).execute();
                if (changed == 0) {
                    h.createUpdate("insert into site_staff (site_id, account_id, role, granted_by, created_at) values (?, ?, ?, ?, ?)")
                            .bind(0, siteId).bind(1, target.id()).bind(2, role.db()).bind(3, by == null ? null : by.id())
                            .bind(4, System.currentTimeMillis()).execute();
                }
            }
        });
        return new Account(target.id(), siteId, target.email(), target.displayName(), role, target.siteId() == siteId ? target.authorId() : null);
    }

    /**
     * Takes an account's staff role on a site away: a role given from another site is dropped; the
     * site's own account becomes a reader account (its comments and history stay). A site always
     * keeps at least one admin.
     */
    public void revoke(long siteId, long accountId) {
        Account a = accounts.byId(accountId).orElseThrow(() -> Refusal.notFound("There is no account " + accountId + "."));
        db.update(h -> {
            keepAnAdmin(h, siteId, accountId);
            if (a.siteId() == siteId) {
                h.createUpdate("update account set role = 'reader' where id = ? and role in ('admin', 'moderator', 'journalist')")
                        .bind(0, accountId).execute();
            } else {
                int gone = h.createUpdate("delete from site_staff where site_id = ? and account_id = ?").bind(0, siteId).bind(1, accountId).execute();
                if (gone == 0) throw Refusal.notFound(a.email() + " has no role on this site.");
            }
        });
    }

    /** Refuses a change that would leave the site with no admin but this account. */
    private static void keepAnAdmin(Handle h, long siteId, long accountId) {
        int others = h.createQuery("""
                        select count(*) from account a
                        where a.id <> :account and ((a.site_id = :site and a.role = 'admin')
                           or (a.role in ('admin', 'moderator', 'journalist')
                               and exists (select 1 from site_staff g where g.account_id = a.id and g.site_id = :site and g.role = 'admin')))""")
                .bind("account", accountId).bind("site", siteId).mapTo(Integer.class).one();
        boolean isAdmin = h.createQuery("""
                        select count(*) from account a
                        where a.id = :account and ((a.site_id = :site and a.role = 'admin')
                           or exists (select 1 from site_staff g where g.account_id = a.id and g.site_id = :site and g.role = 'admin'))""")
                .bind("account", accountId).bind("site", siteId).mapTo(Integer.class).one() > 0;
        if (isAdmin && others == 0) {
            throw new Refusal(409, "last-admin", "A site needs at least one admin: give someone else the admin role first.");
        }
    }

    private static Optional<Role> granted(Handle h, long accountId, long siteId) {
        return h.createQuery("select role from site_staff where account_id = ? and site_id = ?").bind(0, accountId).bind(1, siteId)
                .mapTo(String.class).findOne().map(Role::parse);
    }
}
