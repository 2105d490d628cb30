package dev.tribune.identity;

import dev.tribune.discussion.Admission;
import dev.tribune.domain.Commenters;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Role;
import dev.tribune.store.Database;
import dev.tribune.store.Jdbc;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Each site's rules for readers' identity: who may comment (enforced here, set through
 * {@code Sites.setCommenting}), the host site's SSO secret or
 * public key, and the OpenID Connect providers readers may sign in with. Per site, because each
 * newsroom has its own login, its own subscribers and its own client registrations.
 */
public final class SiteSignOn implements Admission {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");

    /** The host site's SSO keys: an HS256 shared secret and/or an RS256/ES256 public key (PEM or a JWKS URL). */
    public record SsoKeys(String secret, String publicKeyPem, String jwksUrl, String issuer) {
        public boolean any() { return secret != null || publicKeyPem != null || jwksUrl != null; }
    }

    /** A provider readers may sign in with; kind is oidc (discovery from issuer) or github. */
    public record Provider(long id, long siteId, String name, String kind, String label, String issuer, String clientId,
                           String clientSecret) {}

    private final Database db;

    public SiteSignOn(Database db) {
        this.db = db;
    }

    /** Who may comment on the site (site.commenting), read fresh so every node enforces a change at once. */
    public Commenters commenters(long siteId) {
        return db.read(h -> commenters(h, siteId));
    }

    private static Commenters commenters(Handle h, long siteId) {
        return Jdbc.first(h, "select commenting from site where id = ?", rs -> rs.getString(1), siteId)
                .map(SiteSignOn::commenting).orElse(Commenters.ANYONE);
    }

    private static Commenters commenting(String stored) {
        try {
            return Commenters.parse(stored);
        } catch (Refusal damaged) {
            return Commenters.SUBSCRIBERS;
        }
    }

    /** Refuses a comment the site's rule does not allow: guests on an accounts-only site, non-subscribers on a subscribers-only one. */
    @Override
    public void admit(Discussion d, Commenter who) {
        admit(commenters(d.siteId()), who);
    }

    /** The same, on the handle of the post's first read: one trip to the database fewer per post. */
    @Override
    public void admit(Handle h, Discussion d, Commenter who) {
        admit(commenters(h, d.siteId()), who);
    }

    private static void admit(Commenters rule, Commenter who) {
        if (rule == Commenters.ANYONE) return;
        if (who.account() == null) {
            throw new Refusal(401, rule == Commenters.SUBSCRIBERS ? "subscribers-only" : "account-required",
                    rule == Commenters.SUBSCRIBERS ? "Only subscribers can comment here; please sign in as a subscriber."
                            : "Please sign in to comment here.");
        }
        Role r = who.account().role();
        if (rule == Commenters.SUBSCRIBERS && r == Role.READER) {
            throw new Refusal(403, "subscribers-only", "Only subscribers can comment here.");
        }
    }

    public SsoKeys ssoKeys(long siteId) {
        return db.read(h -> h.createQuery("select sso_secret, sso_key_pem, sso_jwks_url, sso_issuer from site_sign_on where site_id = ?").bind(0, siteId)
                .map((rs, ctx) -> new SsoKeys(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).findOne()
                .orElse(new SsoKeys(null, null, null, null)));
    }

    /** Makes and stores a new HS256 secret for the site's SSO tokens (the old one stops working). */
    public String newSsoSecret(long siteId) {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        SsoKeys old = ssoKeys(siteId);
        setSsoKeys(siteId, new SsoKeys(secret, old.publicKeyPem(), old.jwksUrl(), old.issuer()));
        return secret;
    }

    /** Stores the site's SSO keys; issuer, when set, must match the tokens' iss claim. */
    public void setSsoKeys(long siteId, SsoKeys keys) {
        String secret = keys.secret();
        // Checked when registered, not at the first sign-in; pasted JWKs are kept as PEM too.
        String publicKeyPem = keys.publicKeyPem() == null ? null : PublicKeys.pem(keys.publicKeyPem());
        String jwksUrl = keys.jwksUrl();
        if (secret != null && secret.length() < 32) throw Refusal.invalid("secret", "An SSO secret needs at least 32 characters.");
        if (jwksUrl != null && !jwksUrl.matches("https?://\\S+")) throw Refusal.invalid("jwksUrl", "The JWKS URL must be an http(s) address.");
        db.update(h -> {
            ensureRow(h, siteId);
            h.createUpdate("update site_sign_on set sso_secret = ?, sso_key_pem = ?, sso_jwks_url = ?, sso_issuer = ?, updated_at = ? where site_id = ?")
                    .bind(0, secret).bind(1, publicKeyPem).bind(2, jwksUrl).bind(3, keys.issuer()).bind(4, System.currentTimeMillis())
                    .bind(5, siteId).execute();
        });
    }

    /** Adds (or replaces, by name) a provider of the site. */
    public Provider addProvider(long siteId, String name, String kind, String label, String issuer, String clientId, String clientSecret) {
        String n = name == null ? "" : name.strip().toLowerCase();
        if (!NAME.matcher(n).matches()) throw Refusal.invalid("name", "A provider name is a short slug like google or keycloak.");
        if (!"oidc".equals(kind) && !"github".equals(kind)) throw Refusal.invalid("kind", "A provider is of kind oidc or github.");
        String iss = issuer == null || issuer.isBlank() ? ("github".equals(kind) ? "https://github.com" : null) : issuer.strip();
        if (iss == null || !iss.matches("https?://\\S+")) throw Refusal.invalid("issuer", "An OpenID provider needs its issuer URL.");
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw Refusal.invalid("clientId", "A provider needs the client id and secret it registered for this site.");
        }
        String shown = label == null || label.isBlank() ? Character.toUpperCase(n.charAt(0)) + n.substring(1) : label.strip();
        db.update(h -> {
            int changed = h.createUpdate("update sign_in_provider set kind = ?, label = ?, issuer = ?, client_id = ?, client_secret = ? "
                            + "where site_id = ? and name = ?")
                    .bind(0, kind).bind(1, shown).bind(2, iss).bind(3, clientId.strip()).bind(4, clientSecret.strip())
                    .bind(5, siteId).bind(6, n).execute();
            if (changed == 0) {
                h.createUpdate("insert into sign_in_provider (site_id, name, kind, label, issuer, client_id, client_secret, created_at) "
                                + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, siteId).bind(1, n).bind(2, kind).bind(3, shown).bind(4, iss).bind(5, clientId.strip())
                        .bind(6, clientSecret.strip()).bind(7, System.currentTimeMillis()).execute();
            }
        });
        return provider(siteId, n).orElseThrow();
    }

    /** Removes a provider; readers who signed in only through it sign in another way (a link by email) from now on. */
    public void removeProvider(long siteId, String name) {
        Provider p = provider(siteId, name).orElseThrow(() -> Refusal.notFound("There is no provider " + name + " on this site."));
        db.update(h -> {
            h.createUpdate("delete from account_identity where provider_id = ?").bind(0, p.id()).execute();
            h.createUpdate("delete from sign_in_provider where id = ?").bind(0, p.id()).execute();
        });
    }

    public List<Provider> providers(long siteId) {
        return db.read(h -> h.createQuery("select * from sign_in_provider where site_id = ? order by label").bind(0, siteId)
                .map((rs, ctx) -> provider(rs)).list());
    }

    public Optional<Provider> provider(long siteId, String name) {
        return db.read(h -> h.createQuery("select * from sign_in_provider where site_id = ? and name = ?").bind(0, siteId).bind(1, name)
                .map((rs, ctx) -> provider(rs)).findOne());
    }

    private static Provider provider(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Provider(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"), rs.getString("kind"), rs.getString("label"),
                rs.getString("issuer"), rs.getString("client_id"), rs.getString("client_secret"));
    }

    private static void ensureRow(Handle h, long siteId) {
        if (h.createQuery("select count(*) from site_sign_on where site_id = ?").bind(0, siteId).mapTo(Integer.class).one() == 0) {
            h.createUpdate("insert into site_sign_on (site_id, updated_at) values (?, ?)").bind(0, siteId).bind(1, System.currentTimeMillis()).execute();
        }
    }
}
