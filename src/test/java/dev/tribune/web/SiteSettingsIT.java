package dev.tribune.web;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.tribune.TestTribune;
import dev.tribune.domain.Commenters;
import dev.tribune.domain.Role;
import dev.tribune.domain.Site;
import dev.tribune.moderation.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site settings screens over real HTTP, with two sites: the Gazette (the first site) answers
 * at "localhost", the Courier at "127.0.0.1". Admins change their own sites only; moderators and
 * journalists reach none of it; every change is audited on the site it changed.
 */
class SiteSettingsIT {
    static final String PASSWORD = "correct horse battery";
    static final String GAZETTE = "localhost";
    static final String COURIER = "127.0.0.1";
    static TestTribune t;
    static Site courier;
    static StaffBrowser ari;    // admin of the Gazette
    static StaffBrowser ed;     // admin of the Courier
    static StaffBrowser mona;   // moderator of the Gazette
    static StaffBrowser jo;     // journalist of the Gazette

    @BeforeAll
    static void start() throws Exception {
        t = TestTribune.start();
        courier = t.app.sites.add(COURIER, "The Other Courier");
        t.app.accounts.add(t.site.id(), "ari@gazette.test", "Ari Admin", Role.ADMIN, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "mona@gazette.test", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "jo@gazette.test", "Jo Journalist", Role.JOURNALIST, PASSWORD, t.author.id());
        t.app.accounts.add(courier.id(), "ed@courier.test", "Ed Courier", Role.ADMIN, PASSWORD, null);
        ari = StaffBrowser.signIn(t, GAZETTE, "ari@gazette.test", PASSWORD);
        ed = StaffBrowser.signIn(t, COURIER, "ed@courier.test", PASSWORD);
        mona = StaffBrowser.signIn(t, GAZETTE, "mona@gazette.test", PASSWORD);
        jo = StaffBrowser.signIn(t, GAZETTE, "jo@gazette.test", PASSWORD);
    }

    @AfterAll
    static void stop() { t.close(); }

    static String settings(Site s) {
        return "/admin/sites/" + s.id();
    }

    static Site fresh(Site s) {
        return t.app.sites.byId(s.id()).orElseThrow();
    }

    static List<AuditLog.Entry> audit(Site s) {
        return t.app.audit.search(s.id(), new AuditLog.Filter(null, AuditLog.Action.SITE_SETTINGS, null, null, null, null, null), 100).entries();
    }

    @Test
    void anAdminSeesOnlyTheirOwnSitesAndNotAnotherSitesSettings() throws Exception {
        HttpResponse<String> list = ari.get("/admin/sites");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("The Test Gazette").doesNotContain("The Other Courier").contains("Add a site");
        HttpResponse<String> other = ari.get(settings(courier));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("not staff of that site");
        HttpResponse<String> change = ari.post(settings(courier) + "/commenting", "commenting", "subscribers");
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(fresh(courier).commenting()).isEqualTo(Commenters.ANYONE);

        // The Courier's admin sees the Courier only, and may not add sites (that is for the first site's admins).
        assertThat(ed.get("/admin/sites").body()).contains("The Other Courier").doesNotContain("The Test Gazette").doesNotContain("Add a site");
        assertThat(ed.get(settings(t.site)).statusCode()).isEqualTo(403);
        HttpResponse<String> add = ed.post("/admin/sites", "name", "Sneaky", "host", "sneaky.test");
        assertThat(add.statusCode()).isEqualTo(403);
        assertThat(t.app.sites.byExactHost("sneaky.test")).isEmpty();
    }

    @Test
    void moderatorsAndJournalistsCannotReachSiteSettings() throws Exception {
        for (StaffBrowser b : List.of(mona, jo)) {
            HttpResponse<String> list = b.get("/admin/sites");
            assertThat(list.statusCode()).isEqualTo(403);
            assertThat(list.body()).contains("Only admins manage sites");
            assertThat(b.get(settings(t.site)).statusCode()).isEqualTo(403);
            assertThat(b.get(settings(courier)).statusCode()).isEqualTo(403);
            assertThat(b.post(settings(t.site) + "/origins", "origins", "https://evil.test").statusCode()).isEqualTo(403);
            assertThat(b.post(settings(t.site) + "/staff", "email", b == mona ? "mona@gazette.test" : "jo@gazette.test",
                    "home", GAZETTE, "role", "admin").statusCode()).isEqualTo(403);
            assertThat(b.get("/admin").body()).doesNotContain("href=\"/admin/sites\"");
        }
        assertThat(fresh(t.site).allowedOrigins()).doesNotContain("https://evil.test");
        assertThat(t.app.accounts.byEmail(t.site.id(), "mona@gazette.test").orElseThrow().role()).isEqualTo(Role.MODERATOR);
        // A moderator of the Gazette is nobody on the Courier: its comments are out of reach too.
        String cookie = ((java.net.CookieManager) mona.client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(Visitors.STAFF_COOKIE)).findFirst().orElseThrow().toString();
        HttpResponse<String> comments = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://" + COURIER + ":" + t.port + "/admin/comments")).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(comments.statusCode()).isEqualTo(303);
        assertThat(comments.headers().firstValue("Location").orElseThrow()).startsWith("/login");
    }

    @Test
    void whoMayCommentIsChangedAuditedAndFollowedByThePage() throws Exception {
        try {
            HttpResponse<String> page = ari.get(settings(t.site));
            assertThat(page.body()).contains("value=\"anyone\" checked");
            HttpResponse<String> saved = ari.post(settings(t.site) + "/commenting", "commenting", "accounts");
            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(fresh(t.site).commenting()).isEqualTo(Commenters.ACCOUNTS);
            assertThat(ari.get(settings(t.site) + "?saved=1").body()).contains("Saved.").contains("value=\"accounts\" checked");
            assertThat(audit(t.site)).anySatisfy(e -> {
                assertThat(e.subject()).isEqualTo("who may comment");
                assertThat(e.actor()).isEqualTo("Ari Admin");
                assertThat(e.detail()).contains("anyone").contains("accounts");
            });
            HttpResponse<String> guest = TestTribune.browser().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://" + GAZETTE + ":" + t.port + "/articles/harbour-story/comments"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(StaffBrowser.form("name", "Gil", "body", "Hello there."))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(guest.statusCode()).isEqualTo(401);

            HttpResponse<String> bad = ari.post(settings(t.site) + "/commenting", "commenting", "everybody");
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body()).contains("Who may comment is one of anyone, accounts or subscribers");
            assertThat(fresh(t.site).commenting()).isEqualTo(Commenters.ACCOUNTS);
        } finally {
            t.app.sites.setCommenting(t.site.id(), Commenters.ANYONE);
        }
    }

    @Test
    void originsAreCheckedWithClearErrorsAndWhatWasTypedStays() throws Exception {
        HttpResponse<String> path = ari.post(settings(t.site) + "/origins", "origins", "https://gazette.test\nhttps://www.gazette.test/news");
        assertThat(path.statusCode()).isEqualTo(422);
        assertThat(path.body()).contains("An origin has no path or query").contains("https://www.gazette.test/news</textarea>");
        HttpResponse<String> scheme = ari.post(settings(t.site) + "/origins", "origins", "ftp://gazette.test");
        assertThat(scheme.statusCode()).isEqualTo(422);
        assertThat(scheme.body()).contains("scheme://host[:port] with http or https");
        assertThat(fresh(t.site).allowedOrigins()).isEmpty();

        t.app.sites.allowOrigin(courier.id(), "https://courier.test");
        HttpResponse<String> taken = ari.post(settings(t.site) + "/origins", "origins", "https://courier.test");
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("already embeds The Other Courier");

        HttpResponse<String> ok = ari.post(settings(t.site) + "/origins", "origins", "https://gazette.test\nhttp://localhost:8080");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(fresh(t.site).allowedOrigins()).containsExactly("https://gazette.test", "http://localhost:8080");
        assertThat(audit(t.site)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("allowed origins"));
        ari.post(settings(t.site) + "/origins", "origins", "");
        assertThat(fresh(t.site).allowedOrigins()).isEmpty();
    }

    @Test
    void changesWithoutTheSessionTokenAreRefused() throws Exception {
        HttpResponse<String> forged = ari.postRaw(settings(t.site) + "/commenting", "commenting", "subscribers");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> rotate = ari.postRaw(settings(t.site) + "/sso-secret");
        assertThat(rotate.statusCode()).isEqualTo(403);
        assertThat(fresh(t.site).commenting()).isEqualTo(Commenters.ANYONE);
        assertThat(t.app.signOn.ssoKeys(t.site.id()).secret()).isNull();
    }

    @Test
    void theSsoSecretIsShownOnceAndPublicKeysAreChecked() throws Exception {
        HttpResponse<String> rotated = ari.post(settings(lamp()) + "/sso-secret");
        assertThat(rotated.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("<code id=\"sso-secret\">([^<]+)</code>").matcher(rotated.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        assertThat(t.app.signOn.ssoKeys(ariSite.id()).secret()).isEqualTo(secret);
        assertThat(ari.get(settings(ariSite)).body()).doesNotContain(secret).contains("Rotate the secret");
        assertThat(audit(ariSite)).anySatisfy(e -> assertThat(e.detail()).contains("rotated").doesNotContain(secret));

        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        HttpResponse<String> privateKey = ari.post(settings(ariSite) + "/sso-key", "action", "save", "publicKey", rsa.toJSONString());
        assertThat(privateKey.statusCode()).isEqualTo(422);
        assertThat(privateKey.body()).contains("That is a private key");
        HttpResponse<String> garbage = ari.post(settings(ariSite) + "/sso-key", "action", "save", "publicKey", "not a key");
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(garbage.body()).contains("A key is PEM").contains("not a key</textarea>");
        RSAKey small = new RSAKeyGenerator(1024, true).generate();
        assertThat(ari.post(settings(ariSite) + "/sso-key", "action", "save", "publicKey", small.toPublicJWK().toJSONString()).body())
                .contains("at least 2048 bits");
        assertThat(t.app.signOn.ssoKeys(ariSite.id()).publicKeyPem()).isNull();

        HttpResponse<String> jwk = ari.post(settings(ariSite) + "/sso-key", "action", "save", "publicKey", rsa.toPublicJWK().toJSONString(),
                "issuer", "https://gazette.test");
        assertThat(jwk.statusCode()).isEqualTo(303);
        String pem = t.app.signOn.ssoKeys(ariSite.id()).publicKeyPem();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(pem.replaceAll("-----[A-Z ]+-----|\\s", "")).isEqualTo(Base64.getEncoder().encodeToString(rsa.toRSAPublicKey().getEncoded()));
        assertThat(t.app.signOn.ssoKeys(ariSite.id()).issuer()).isEqualTo("https://gazette.test");
        assertThat(t.app.signOn.ssoKeys(ariSite.id()).secret()).as("the secret stays").isEqualTo(secret);

        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        String ecPem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(ec.toECPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----";
        assertThat(ari.post(settings(ariSite) + "/sso-key", "action", "save", "publicKey", ecPem).statusCode()).isEqualTo(303);
        assertThat(t.app.signOn.ssoKeys(ariSite.id()).publicKeyPem().replaceAll("\\s", "")).isEqualTo(ecPem.replaceAll("\\s", ""));

        assertThat(ari.post(settings(ariSite) + "/sso-key", "action", "clear").statusCode()).isEqualTo(303);
        assertThat(t.app.signOn.ssoKeys(ariSite.id()).publicKeyPem()).isNull();
        assertThat(t.app.signOn.ssoKeys(ariSite.id()).issuer()).isNull();
    }

    static Site ariSite;

    /** A site of Ari's own to try SSO on (added through the console, so Ari is its admin). */
    static Site lamp() throws Exception {
        if (ariSite == null) {
            HttpResponse<String> added = ari.post("/admin/sites", "name", "The Evening Lamp", "host", "lamp.test");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
            ariSite = t.app.sites.byExactHost("lamp.test").orElseThrow();
            assertThat(added.headers().firstValue("Location")).hasValue(settings(ariSite) + "?saved=1");
        }
        return ariSite;
    }

    @Test
    void addingASiteValidatesAndMakesItsCreatorItsAdmin() throws Exception {
        HttpResponse<String> bad = ari.post("/admin/sites", "name", "", "host", "not a host!");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("must be a host name like news.example.org").contains("value=\"not a host!\"");
        HttpResponse<String> taken = ari.post("/admin/sites", "name", "Copy", "host", COURIER);
        assertThat(taken.statusCode()).isEqualTo(409);
        Site lamp = lamp();
        assertThat(ari.get("/admin/sites").body()).contains("The Evening Lamp");
        assertThat(t.app.siteStaff.roleOn(t.app.accounts.byEmail(t.site.id(), "ari@gazette.test").orElseThrow().id(), lamp.id()))
                .hasValue(Role.ADMIN);
        HttpResponse<String> renamed = ari.post(settings(lamp) + "/name", "name", "The Evening Lamp & Lantern", "host", "lamp.test");
        assertThat(renamed.statusCode()).isEqualTo(303);
        assertThat(fresh(lamp).name()).isEqualTo("The Evening Lamp & Lantern");
        HttpResponse<String> clash = ari.post(settings(lamp) + "/name", "name", "Lamp", "host", GAZETTE);
        assertThat(clash.statusCode()).isEqualTo(422);
        assertThat(clash.body()).contains("already belongs to The Test Gazette");
    }

    @Test
    void providersKeepTheirSecretOutOfThePage() throws Exception {
        HttpResponse<String> missing = ari.post(settings(t.site) + "/providers", "providerName", "keycloak", "kind", "oidc",
                "providerIssuer", "", "clientId", "tribune", "clientSecret", "s3cret-value-1");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("needs its issuer URL").doesNotContain("s3cret-value-1");
        HttpResponse<String> added = ari.post(settings(t.site) + "/providers", "providerName", "keycloak", "kind", "oidc", "label", "Keycloak",
                "providerIssuer", "https://id.gazette.test/realms/news", "clientId", "tribune", "clientSecret", "s3cret-value-1");
        assertThat(added.statusCode()).isEqualTo(303);
        String page = ari.get(settings(t.site)).body();
        assertThat(page).contains("https://id.gazette.test/realms/news").contains("tribune").doesNotContain("s3cret-value-1");
        // Changing the client id without retyping the secret keeps the stored secret.
        ari.post(settings(t.site) + "/providers", "providerName", "keycloak", "kind", "oidc", "label", "Keycloak",
                "providerIssuer", "https://id.gazette.test/realms/news", "clientId", "tribune-2", "clientSecret", "");
        var p = t.app.signOn.provider(t.site.id(), "keycloak").orElseThrow();
        assertThat(p.clientId()).isEqualTo("tribune-2");
        assertThat(p.clientSecret()).isEqualTo("s3cret-value-1");
        assertThat(audit(t.site)).allSatisfy(e -> assertThat(e.detail()).doesNotContain("s3cret-value-1"));
        assertThat(ari.post(settings(t.site) + "/providers/keycloak/remove").statusCode()).isEqualTo(303);
        assertThat(t.app.signOn.provider(t.site.id(), "keycloak")).isEmpty();
    }

    @Test
    void aRoleOnAnotherSiteIsGivenUsedAndTakenBack() throws Exception {
        String courierSettings = settings(courier);
        HttpResponse<String> unknown = ed.post(courierSettings + "/staff", "email", "nobody@gazette.test", "home", GAZETTE, "role", "moderator");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("There is no staff account nobody@gazette.test on that site");

        HttpResponse<String> granted = ed.post(courierSettings + "/staff", "email", "mona@gazette.test", "home", GAZETTE, "role", "moderator");
        assertThat(granted.statusCode()).isEqualTo(303);
        assertThat(ed.get(courierSettings).body()).contains("data-staff=\"mona@gazette.test\"");
        assertThat(audit(courier)).anySatisfy(e -> {
            assertThat(e.subject()).isEqualTo("Mona Moderator");
            assertThat(e.reason()).isEqualTo("staff role");
            assertThat(e.detail()).contains("moderator");
        });

        // Mona signs in on the Courier with her own password and moderates there, but its settings stay closed to her.
        StaffBrowser monaThere = StaffBrowser.signIn(t, COURIER, "mona@gazette.test", PASSWORD);
        assertThat(monaThere.get("/admin/comments").statusCode()).isEqualTo(200);
        assertThat(monaThere.get("/admin/queue").statusCode()).isEqualTo(200);
        assertThat(monaThere.get(courierSettings).statusCode()).isEqualTo(403);
        assertThat(monaThere.get("/admin/moderation").statusCode()).isEqualTo(403);

        // Taken back: her session there is no longer staff on the next request.
        long monaId = t.app.accounts.byEmail(t.site.id(), "mona@gazette.test").orElseThrow().id();
        assertThat(ed.post(courierSettings + "/staff/" + monaId + "/revoke").statusCode()).isEqualTo(303);
        HttpResponse<String> after = monaThere.get("/admin/comments");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        assertThat(mona.get("/admin/comments").statusCode()).as("still a moderator at home").isEqualTo(200);

        // A site keeps an admin.
        long edId = t.app.accounts.byEmail(courier.id(), "ed@courier.test").orElseThrow().id();
        HttpResponse<String> last = ed.post(courierSettings + "/staff/" + edId + "/revoke");
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(last.body()).contains("A site needs at least one admin");
        HttpResponse<String> demote = ed.post(courierSettings + "/staff", "account", Long.toString(edId), "role", "moderator");
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(t.app.accounts.byId(edId).orElseThrow().role()).isEqualTo(Role.ADMIN);
    }
}
