package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.domain.Commenters;
import dev.tribune.domain.Role;
import dev.tribune.domain.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site settings screens in real Chromium: an admin fixes a refused origin in place, chooses who
 * may comment, rotates the SSO secret and gives a role; a moderator of the Gazette is refused the
 * Courier's settings and its comments, and the Gazette's settings too.
 */
class SiteSettingsBrowserIT {
    static final String PASSWORD = "correct horse battery";
    static TestTribune t;
    static Site courier;
    static Browser browser;

    @BeforeAll
    static void start() {
        t = TestTribune.start();
        courier = t.app.sites.add("127.0.0.1", "The Other Courier");
        t.app.accounts.add(t.site.id(), "ari@gazette.test", "Ari Admin", Role.ADMIN, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "mona@gazette.test", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        t.app.accounts.add(courier.id(), "ed@courier.test", "Ed Courier", Role.ADMIN, PASSWORD, null);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        t.close();
    }

    static String gazette(String path) {
        return "http://localhost:" + t.port + path;
    }

    static String courier(String path) {
        return "http://127.0.0.1:" + t.port + path;
    }

    static void signIn(String url, String email) {
        browser.open(url);
        assertThat(browser.url()).contains("/login?next=");
        browser.find("input[name=email]").sendKeys(email);
        browser.find("input[name=password]").sendKeys(PASSWORD);
        browser.find("form.admin-form button[type=submit]").click();
    }

    /** Clicks a submit button and waits for the next page to replace this one. */
    static void submit(String css) {
        browser.clickAndLoad(css);
    }

    static void signOut() {
        browser.open(gazette("/admin"));
        browser.find("form.sign-out button").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/login?out=1"));
    }

    @Test
    void anAdminChangesTheSiteAndAModeratorIsRefusedElsewhere() {
        signIn(gazette("/admin/sites"), "ari@gazette.test");
        browser.waitFor("table.site-table");
        assertThat(browser.find("table.site-table").getText()).contains("The Test Gazette").doesNotContain("The Other Courier");
        browser.find("a[href='/admin/sites/" + t.site.id() + "']").click();
        browser.waitFor("#origins textarea");

        // A refused origin: the message in place, what was typed kept, nothing saved.
        browser.find("#origins textarea").sendKeys("https://gazette.test/news");
        submit("#origins button[type=submit]");
        browser.waitFor("#origins .field-error");
        assertThat(browser.find("#origins .field-error").getText()).contains("An origin has no path or query");
        assertThat(browser.find("#origins textarea").getAttribute("value")).isEqualTo("https://gazette.test/news");
        assertThat(t.app.sites.byId(t.site.id()).orElseThrow().allowedOrigins()).isEmpty();
        browser.find("#origins textarea").clear();
        browser.find("#origins textarea").sendKeys("https://gazette.test");
        submit("#origins button[type=submit]");
        browser.waitForText("p.form-note", "Saved.");
        assertThat(t.app.sites.byId(t.site.id()).orElseThrow().allowedOrigins()).containsExactly("https://gazette.test");

        browser.find("#commenting input[value=accounts]").click();
        submit("#commenting button[type=submit]");
        browser.waitForText("p.form-note", "Saved.");
        assertThat(browser.find("#commenting input[value=accounts]").isSelected()).isTrue();
        assertThat(t.app.sites.byId(t.site.id()).orElseThrow().commenting()).isEqualTo(Commenters.ACCOUNTS);

        submit("#sso button[value=rotate]");
        String secret = browser.waitFor("#sso-secret").getText();
        assertThat(secret).isEqualTo(t.app.signOn.ssoKeys(t.site.id()).secret());
        browser.open(gazette("/admin/sites/" + t.site.id()));
        assertThat(browser.has("#sso-secret")).isFalse();

        // Ari gives Ed of the Courier the journalist role on the Gazette.
        browser.find("#staff input[name=email]").sendKeys("ed@courier.test");
        browser.find("#staff input[name=home]").clear();
        browser.find("#staff input[name=home]").sendKeys("127.0.0.1");
        new org.openqa.selenium.support.ui.Select(browser.find("#staff form.admin-form select[name=role]")).selectByValue("journalist");
        submit("#staff form.admin-form button[type=submit]");
        browser.waitFor("tr[data-staff='ed@courier.test']");
        long edId = t.app.accounts.byEmail(courier.id(), "ed@courier.test").orElseThrow().id();
        assertThat(t.app.siteStaff.roleOn(edId, t.site.id())).hasValue(Role.JOURNALIST);

        // Ari's settings page of the Courier is a 403 page.
        browser.open(gazette("/admin/sites/" + courier.id()));
        assertThat(browser.find("body").getText()).contains("Not allowed").contains("not staff of that site");
        signOut();

        // Mona, a moderator of the Gazette: no settings of either site, and nothing of the Courier's comments.
        signIn(gazette("/admin/comments"), "mona@gazette.test");
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/comments"));
        assertThat(browser.has("a[href='/admin/sites']")).isFalse();
        browser.open(gazette("/admin/sites/" + t.site.id()));
        assertThat(browser.find("body").getText()).contains("Not allowed").contains("Only admins of a site change its settings");
        browser.open(gazette("/admin/sites/" + courier.id()));
        assertThat(browser.find("body").getText()).contains("Not allowed").contains("not staff of that site");
        browser.open(gazette("/admin/sites"));
        assertThat(browser.find("body").getText()).contains("Only admins manage sites");
        browser.open(courier("/admin/comments"));
        assertThat(browser.url()).contains("/login?next=");
        assertThat(browser.find("body").getText()).contains("The Other Courier");
        assertThat(t.app.sites.byId(t.site.id()).orElseThrow().commenting()).isEqualTo(Commenters.ACCOUNTS);
    }
}
