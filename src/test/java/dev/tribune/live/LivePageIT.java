package dev.tribune.live;

import dev.tribune.TestTribune;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The article page in real Chromium: a comment posted elsewhere waits behind "1 new comment — show". */
class LivePageIT {
    static TestTribune t;
    static WebDriver browser;
    static dev.tribune.web.Browser chromium;

    @BeforeAll
    static void start() throws Exception {
        t = TestTribune.start();
        chromium = dev.tribune.web.Browser.start();
        browser = chromium.driver;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        if (t != null) t.close();
    }

    @Test
    void aNewCommentWaitsBehindTheShowButtonAndTheCountFollows() throws Exception {
        browser.get(t.url("/articles/harbour-story"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // The stream is open once live.js has created its (hidden) button and the server counts a stream.
        wait.until(d -> t.app.live.openStreams() > 0);

        var posted = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments",
                "name=Vera&body=" + LiveStreamsIT.enc("Seen live from the quay."));
        assertThat(posted.statusCode()).isEqualTo(303);
        long id = Long.parseLong(posted.headers().firstValue("Location").orElseThrow().substring("/c/".length()));

        WebElement show = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.live-new")));
        assertThat(show.getText()).isEqualTo("1 new comment — show");
        assertThat(browser.findElements(By.id("comment-" + id))).as("not inserted before the reader asks").isEmpty();
        assertThat(browser.findElement(By.cssSelector(".comment-count")).getText()).isEqualTo("1 comment");

        show.click();
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-" + id)));
        assertThat(shown.getText()).contains("Vera").contains("Seen live from the quay.");
        assertThat(show.isDisplayed()).isFalse();
    }
}
