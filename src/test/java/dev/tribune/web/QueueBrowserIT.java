package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.domain.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A moderator in real Chromium works the queue from the keyboard: j to move, a to approve, r to reject. */
class QueueBrowserIT {
    static final String PASSWORD = "correct horse battery";
    static TestTribune t;
    static WebDriver browser;
    static Browser chromium;

    @BeforeAll
    static void start() throws Exception {
        t = TestTribune.start();
        t.app.policies.change(t.site.id(), java.util.Map.of("maxPerHourPerIp", "10000", "floodSeconds", "0", "premoderateAll", "true"), null);
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        chromium = Browser.start();
        browser = chromium.driver;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        t.close();
    }

    static String status(long id) {
        return t.app.db.read(h -> h.createQuery("select status from comment where id = ?").bind(0, id).mapTo(String.class).one());
    }

    @Test
    void jMovesAApprovesAndRRejectsTheFocusedItem() throws Exception {
        long first = AdminIT.postAsReaderOn(t, "harbour-story", "Ana", "First held comment on the ferry");
        long second = AdminIT.postAsReaderOn(t, "harbour-story", "Ben", "Second held comment on the ferry");
        long third = AdminIT.postAsReaderOn(t, "harbour-story", "Cy", "Third held comment on the ferry");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(t.url("/admin/queue"));
        browser.findElement(By.name("email")).sendKeys("mod@test.org");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.admin-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#q" + first)));

        Actions keys = new Actions(browser);
        keys.sendKeys("j").perform();
        assertThat(browser.findElement(By.cssSelector("#q" + first)).getAttribute("class")).contains("focused");
        keys.sendKeys("j").perform();
        keys.sendKeys("k").perform();
        assertThat(browser.findElement(By.cssSelector(".queue-item.focused")).getAttribute("id")).isEqualTo("q" + first);

        keys.sendKeys("a").perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#q" + first)));
        assertThat(status(first)).isEqualTo("published");
        wait.until(ExpectedConditions.attributeContains(By.cssSelector("#q" + second), "class", "focused"));

        keys.sendKeys("j").perform();
        assertThat(browser.findElement(By.cssSelector(".queue-item.focused")).getAttribute("id")).isEqualTo("q" + third);
        keys.sendKeys("r").perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#q" + third)));
        assertThat(status(third)).isEqualTo("rejected");
        assertThat(status(second)).isEqualTo("pending");
        assertThat(t.app.decisions.forComment(third)).anySatisfy(d -> assertThat(d.reason()).isEqualTo("other"));

        browser.get(t.url("/admin/queue?tab=pending"));
        assertThat(browser.findElements(By.cssSelector(".queue-item"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-count-for=pending]")).getText()).isEqualTo("1");
    }
}
