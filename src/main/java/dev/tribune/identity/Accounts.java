package dev.tribune.identity;

import com.password4j.Password;
import dev.tribune.domain.Account;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Role;
import dev.tribune.store.Database;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Staff accounts of each site, with Argon2id password hashes (readers are in {@link Readers}). */
public final class Accounts {
    public static final int MIN_PASSWORD = 10;

    private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> {
        long author = rs.getLong("author_id");
        return new Account(rs.getLong("id"), rs.getLong("site_id"), rs.getString("email"), rs.getString("display_name"),
                Role.parse(rs.getString("role")), rs.wasNull() ? null : author);
    };

    // A fixed hash to verify against when the email is unknown, so both paths take as long.
    private static final String DUMMY_HASH = Password.hash("not-a-real-password").addRandomSalt().withArgon2().getResult();

    private final Database db;

    public Accounts(Database db) {
        this.db = db;
    }

    public Account add(long siteId, String email, String displayName, Role role, String password, Long authorId) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!e.matches("[^@\\s]+@[^@\\s]+")) throw Refusal.invalid("email", "That is not an email address: " + email);
        if (role == null || !role.isStaff()) throw Refusal.invalid("role", "A staff account is an admin, a moderator or a journalist.");
        if (password == null || password.length() < MIN_PASSWORD) {
            throw Refusal.invalid("password", "A password needs at least " + MIN_PASSWORD + " characters.");
        }
        String name = displayName == null || displayName.isBlank() ? e.substring(0, e.indexOf('@')) : displayName.strip();
        if (byEmail(siteId, e).isPresent()) throw new Refusal(409, "exists", "There is already an account for " + e + " on this site.");
        String hash = Password.hash(password).addRandomSalt().withArgon2().getResult();
        return db.write(h -> {
            long id = h.createQuery("insert into account (site_id, email, display_name, password_hash, role, author_id, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?) returning id")
                    .bind(0, siteId).bind(1, e).bind(2, name).bind(3, hash).bind(4, role.db()).bind(5, authorId)
                    .bind(6, System.currentTimeMillis()).mapTo(Long.class).one();
            return h.createQuery("select * from account where id = ?").bind(0, id).map(ACCOUNT).one();
        });
    }

    /** The staff account when the password matches; empty otherwise (same answer for an unknown email or a reader's). */
    public Optional<Account> authenticate(long siteId, String email, String password) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Optional<String> hash = db.read(h -> h.createQuery("select password_hash from account where site_id = ? and email = ?")
                .bind(0, siteId).bind(1, e).mapTo(String.class).findOne());
        boolean ok = Password.check(password == null ? "" : password, hash.orElse(DUMMY_HASH)).withArgon2();
        return ok && hash.isPresent() ? byEmail(siteId, e).filter(a -> a.role().isStaff()) : Optional.empty();
    }

    public Optional<Account> byEmail(long siteId, String email) {
        return db.read(h -> h.createQuery("select * from account where site_id = ? and email = ?")
                .bind(0, siteId).bind(1, email.strip().toLowerCase(Locale.ROOT)).map(ACCOUNT).findOne());
    }

    public Optional<Account> byId(long id) {
        return db.read(h -> h.createQuery("select * from account where id = ?").bind(0, id).map(ACCOUNT).findOne());
    }

    /** The site's staff accounts. */
    public List<Account> forSite(long siteId) {
        return db.read(h -> h.createQuery("select * from account where site_id = ? and role in ('admin', 'moderator', 'journalist') order by email").bind(0, siteId).map(ACCOUNT).list());
    }
}
