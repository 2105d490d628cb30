package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.domain.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A moderator-editor in real Chromium: signs in, writes with the live preview, hides a comment. */
class AdminBrowserIT {
    static final String PASSWORD = "correct horse battery";
    static TestTribune t;
    static WebDriver browser;
    static Browser chromium;

    @BeforeAll
    static void start() throws Exception {
        t = TestTribune.start();
        t.app.accounts.add(t.site.id(), "ed@test.org", "Ed Itor", Role.ADMIN, PASSWORD, null);
        chromium = Browser.start();
        browser = chromium.driver;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        t.close();
    }

    @Test
    void signInWriteWithLivePreviewAndHideAComment() throws Exception {
        long c = AdminIT.postAsReaderOn(t, "harbour-story", "Troll", "Something nasty.");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(t.url("/admin/comments"));
        assertThat(browser.getCurrentUrl()).contains("/login?next=");
        browser.findElement(By.name("email")).sendKeys("ed@test.org");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.admin-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/admin/comments"));

        browser.findElement(By.cssSelector("#c" + c + " input[name=reason]")).sendKeys("abuse");
        browser.findElement(By.cssSelector("#c" + c + " button.hide")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#c" + c), "Reason: abuse"));
        browser.get(t.url("/articles/harbour-story"));
        assertThat(browser.getPageSource()).doesNotContain("Something nasty.");

        browser.get(t.url("/admin/articles/new"));
        browser.findElement(By.name("headline")).sendKeys("Browser written");
        browser.findElement(By.name("body")).sendKeys("## Live heading\n\nTyped *here*.");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#article-preview h2")));
        assertThat(browser.findElement(By.cssSelector("#article-preview h2")).getText()).isEqualTo("Live heading");
        browser.findElement(By.cssSelector("input[name=publication][value=now]")).click();
        browser.findElement(By.cssSelector("button[value=save]")).click();
        wait.until(ExpectedConditions.urlContains("saved=1"));
        browser.get(t.url("/"));
        assertThat(browser.getPageSource()).contains("Browser written");
    }
}
