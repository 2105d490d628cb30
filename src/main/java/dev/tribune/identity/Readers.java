package dev.tribune.identity;

import com.password4j.Password;
import dev.tribune.discussion.Limits;
import dev.tribune.domain.Reader;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Role;
import dev.tribune.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reader accounts of each site (rows of the account table with role reader or subscriber):
 * sign-up with a password, profiles, and the accounts the host site's SSO or an OpenID provider
 * vouches for. An address that belongs to a staff account of the site is never taken over.
 */
public final class Readers {
    public static final int MAX_BIO = 1_000;
    public static final int MAX_AVATAR_URL = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9_-]{2,29}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final String DUMMY_HASH = Password.hash("not-a-real-password").addRandomSalt().withArgon2().getResult();
    private static final String READER_ROLES = "role in ('reader', 'subscriber')";

    static final RowMapper<Reader> READER = (rs, ctx) -> new Reader(rs.getLong("id"), rs.getLong("site_id"), rs.getString("email"),
            rs.getString("display_name"), Role.parse(rs.getString("role")), rs.getString("handle"), rs.getString("avatar_url"),
            rs.getString("bio"), badges(rs.getString("badges")), rs.getObject("email_verified_at") != null);

    /** A profile as the reader edits it. */
    public record Profile(String displayName, String handle, String avatarUrl, String bio) {}

    /** What the host site's SSO token or an OpenID provider says about a person. */
    public record Vouched(String email, boolean emailVerified, String displayName, String avatarUrl, Role role, List<String> badges) {}

    private final Database db;

    public Readers(Database db) {
        this.db = db;
    }

    /** A new reader with an unverified address; refused when the address already has an account here. */
    public Reader signUp(long siteId, String email, String password, String displayName) {
        String e = normalizeEmail(email);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!EMAIL.matcher(e).matches() || e.length() > Limits.MAX_EMAIL_CHARS) errors.put("email", "Please give a valid email address.");
        if (password == null || password.length() < Accounts.MIN_PASSWORD) {
            errors.put("password", "A password needs at least " + Accounts.MIN_PASSWORD + " characters.");
        }
        String name = displayName == null || displayName.isBlank() ? e.replaceFirst("@.*", "") : displayName.strip();
        checkName(name, errors);
        if (!errors.isEmpty()) throw Refusal.invalid(errors);
        String hash = Password.hash(password).addRandomSalt().withArgon2().getResult();
        return db.write(h -> {
            if (emailTaken(h, siteId, e, null)) throw new Refusal(409, "exists", "There is already an account for " + e
                    + " on this site. Sign in, or ask for a sign-in link.", Map.of("email", "This address already has an account."));
            long id = insert(h, siteId, e, name, hash, Role.READER, null, false);
            return load(h, id).orElseThrow();
        });
    }

    /** The reader when the password matches; empty otherwise, taking as long for an unknown address. */
    public Optional<Reader> authenticate(long siteId, String email, String password) {
        String e = normalizeEmail(email);
        Optional<String> hash = db.read(h -> h.createQuery("select password_hash from account where site_id = ? and email = ? and "
                + READER_ROLES + " and password_hash is not null").bind(0, siteId).bind(1, e).mapTo(String.class).findOne());
        boolean ok = Password.check(password == null ? "" : password, hash.orElse(DUMMY_HASH)).withArgon2();
        return ok && hash.isPresent() ? byEmail(siteId, e) : Optional.empty();
    }

    public Optional<Reader> byId(long id) {
        return db.read(h -> load(h, id));
    }

    public Optional<Reader> byEmail(long siteId, String email) {
        return db.read(h -> h.createQuery("select * from account where site_id = ? and email = ? and " + READER_ROLES)
                .bind(0, siteId).bind(1, normalizeEmail(email)).map(READER).findOne());
    }

    /** A reader of the site by handle, or by id for readers without one. */
    public Optional<Reader> byIdOrHandle(long siteId, String idOrHandle) {
        String key = idOrHandle == null ? "" : idOrHandle.strip().toLowerCase(Locale.ROOT);
        if (key.matches("\\d{1,18}")) return byId(Long.parseLong(key)).filter(r -> r.siteId() == siteId);
        return db.read(h -> h.createQuery("select * from account where site_id = ? and handle = ? and " + READER_ROLES)
                .bind(0, siteId).bind(1, key).map(READER).findOne());
    }

    public void markVerified(long id) {
        db.update(h -> h.createUpdate("update account set email_verified_at = coalesce(email_verified_at, ?) where id = ?")
                .bind(0, System.currentTimeMillis()).bind(1, id).execute());
    }

    /** Sets a new password; following an emailed link also proves the address. */
    public void resetPassword(long id, String password) {
        if (password == null || password.length() < Accounts.MIN_PASSWORD) {
            throw Refusal.invalid("password", "A password needs at least " + Accounts.MIN_PASSWORD + " characters.");
        }
        String hash = Password.hash(password).addRandomSalt().withArgon2().getResult();
        db.update(h -> h.createUpdate("update account set password_hash = ?, email_verified_at = coalesce(email_verified_at, ?) where id = ?")
                .bind(0, hash).bind(1, System.currentTimeMillis()).bind(2, id).execute());
    }

    public Reader updateProfile(long id, Profile p) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = p.displayName() == null ? "" : p.displayName().strip();
        checkName(name, errors);
        String handle = p.handle() == null || p.handle().isBlank() ? null : p.handle().strip().toLowerCase(Locale.ROOT);
        if (handle != null && (!HANDLE.matcher(handle).matches() || handle.matches("\\d+"))) {
            errors.put("handle", "A handle is 3 to 30 letters, digits, - or _, starting with a letter or digit, and not only digits.");
        }
        String avatar = p.avatarUrl() == null || p.avatarUrl().isBlank() ? null : p.avatarUrl().strip();
        if (avatar != null && !validUrl(avatar)) errors.put("avatarUrl", "The picture must be an https:// (or http://) address.");
        String bio = p.bio() == null ? "" : p.bio().strip();
        if (bio.length() > MAX_BIO) errors.put("bio", "A bio can be at most " + MAX_BIO + " characters long.");
        if (!errors.isEmpty()) throw Refusal.invalid(errors);
        return db.write(h -> {
            Reader r = load(h, id).orElseThrow(() -> Refusal.notFound("There is no such reader."));
            if (handle != null && h.createQuery("select count(*) from account where site_id = ? and handle = ? and id <> ?")
                    .bind(0, r.siteId()).bind(1, handle).bind(2, id).mapTo(Integer.class).one() > 0) {
                throw Refusal.invalid("handle", "That handle is taken; please choose another.");
            }
            h.createUpdate("update account set display_name = ?, handle = ?, avatar_url = ?, bio = ? where id = ?")
                    .bind(0, name).bind(1, handle).bind(2, avatar).bind(3, bio).bind(4, id).execute();
            return load(h, id).orElseThrow();
        });
    }

    /**
     * The reader the host site's SSO token names, created or brought up to date: the host's own id
     * is the key; a reader who signed up by email before is linked by their (host-verified) address.
     */
    public Reader fromSso(long siteId, String subject, Vouched v) {
        String e = normalizeEmail(v.email());
        return db.write(h -> {
            Optional<Long> bySubject = h.createQuery("select id from account where site_id = ? and sso_subject = ?")
                    .bind(0, siteId).bind(1, subject).mapTo(Long.class).findOne();
            Long id = bySubject.orElse(null);
            if (id == null) {
                id = h.createQuery("select id from account where site_id = ? and email = ? and " + READER_ROLES + " and sso_subject is null")
                        .bind(0, siteId).bind(1, e).mapTo(Long.class).findOne().orElse(null);
            }
            if (emailTaken(h, siteId, e, id)) {
                throw new Refusal(409, "email-in-use", "The address " + e + " belongs to another account on this site.");
            }
            if (id == null) id = insert(h, siteId, e, v.displayName(), null, v.role(), subject, true);
            h.createUpdate("update account set sso_subject = ?, email = ?, display_name = ?, avatar_url = coalesce(?, avatar_url), "
                            + "role = ?, badges = ?, email_verified_at = coalesce(email_verified_at, ?) where id = ?")
                    .bind(0, subject).bind(1, e).bind(2, v.displayName()).bind(3, v.avatarUrl()).bind(4, v.role().db())
                    .bind(5, String.join(",", v.badges())).bind(6, System.currentTimeMillis()).bind(7, id).execute();
            return load(h, id).orElseThrow();
        });
    }

    /**
     * The reader an OpenID provider vouches for: known by (provider, subject); else linked to the
     * reader with the same address only when the provider verified it; else a new reader.
     */
    public Reader fromProvider(long siteId, long providerId, String subject, Vouched v) {
        String e = normalizeEmail(v.email());
        return db.write(h -> {
            Optional<Long> linked = h.createQuery("select account_id from account_identity where provider_id = ? and subject = ?")
                    .bind(0, providerId).bind(1, subject).mapTo(Long.class).findOne();
            if (linked.isPresent()) return load(h, linked.get()).orElseThrow(() -> Refusal.forbidden("This account cannot sign in here."));
            if (!EMAIL.matcher(e).matches()) {
                throw new Refusal(403, "no-email", "The provider did not share an email address; allow it and try again.");
            }
            Long id = h.createQuery("select id from account where site_id = ? and email = ? and " + READER_ROLES)
                    .bind(0, siteId).bind(1, e).mapTo(Long.class).findOne().orElse(null);
            if (id != null && !v.emailVerified()) {
                throw new Refusal(409, "unverified-email", "There is already an account for " + e
                        + ", and the provider has not verified that this address is yours. Sign in with your password or a sign-in link.");
            }
            if (emailTaken(h, siteId, e, id)) {
                throw new Refusal(409, "email-in-use", "The address " + e + " belongs to a staff account; staff sign in at /login.");
            }
            if (id == null) id = insert(h, siteId, e, v.displayName(), null, Role.READER, null, v.emailVerified());
            else if (v.emailVerified()) {
                h.createUpdate("update account set email_verified_at = coalesce(email_verified_at, ?) where id = ?")
                        .bind(0, System.currentTimeMillis()).bind(1, id).execute();
            }
            h.createUpdate("insert into account_identity (provider_id, subject, account_id, created_at) values (?, ?, ?, ?)")
                    .bind(0, providerId).bind(1, subject).bind(2, id).bind(3, System.currentTimeMillis()).execute();
            if (v.avatarUrl() != null && validUrl(v.avatarUrl())) {
                h.createUpdate("update account set avatar_url = coalesce(avatar_url, ?) where id = ?").bind(0, v.avatarUrl()).bind(1, id).execute();
            }
            return load(h, id).orElseThrow();
        });
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static boolean validUrl(String s) {
        return s.length() <= MAX_AVATAR_URL && s.matches("https?://[^\\s\"'<>]+");
    }

    private static void checkName(String name, Map<String, String> errors) {
        if (name.isEmpty()) errors.put("displayName", "Please give a display name.");
        else if (name.length() > Limits.MAX_NAME_CHARS) errors.put("displayName", "A display name can be at most " + Limits.MAX_NAME_CHARS + " characters long.");
        else if (CONTROL.matcher(name).find()) errors.put("displayName", "The name contains control characters; please type it again.");
    }

    /** Whether another account of the site (not except) has this address. */
    private static boolean emailTaken(Handle h, long siteId, String email, Long except) {
        return h.createQuery("select count(*) from account where site_id = ? and email = ? and id <> ?")
                .bind(0, siteId).bind(1, email).bind(2, except == null ? -1L : except).mapTo(Integer.class).one() > 0;
    }

    private static long insert(Handle h, long siteId, String email, String name, String hash, Role role, String ssoSubject, boolean verified) {
        long now = System.currentTimeMillis();
        return h.createQuery("insert into account (site_id, email, display_name, password_hash, role, created_at, sso_subject, email_verified_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .bind(0, siteId).bind(1, email).bind(2, name).bind(3, hash).bind(4, role.db()).bind(5, now)
                .bind(6, ssoSubject).bind(7, verified ? now : null).mapTo(Long.class).one();
    }

    private static Optional<Reader> load(Handle h, long id) {
        return h.createQuery("select * from account where id = ? and " + READER_ROLES).bind(0, id).map(READER).findOne();
    }

    private static List<String> badges(String s) {
        if (s == null || s.isBlank()) return List.of();
        return Arrays.stream(s.split(",")).map(String::strip).filter(b -> !b.isEmpty()).toList();
    }
}
