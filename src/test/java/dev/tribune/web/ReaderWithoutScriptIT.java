package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.discussion.NewComment;
import dev.tribune.domain.Article;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Commenter;
import dev.tribune.publishing.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same reader with JavaScript switched off in Chromium: plain links and forms still post,
 * reply, vote and page through the thread; closed discussions and narrow screens read well.
 */
class ReaderWithoutScriptIT {
    static TestTribune t;
    static Browser browser;

    @BeforeAll
    static void start() {
        t = TestTribune.start();
        browser = Browser.withoutJavaScript();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (t != null) t.close();
    }

    static Article article(String slug) {
        return t.app.newsroom.create(t.site.id(), new Newsroom.ArticleDraft(slug, "Story " + slug, "A standfirst.",
                "Text.", t.author.id(), List.of(), Instant.now().minusSeconds(3600)));
    }

    static Comment byOther(Article a, Long parentId, String name, String body) {
        long d = t.app.discussions.forArticle(a.id()).orElseThrow().id();
        return t.app.comments.post(new NewComment(d, parentId, name, "", body,
                new Commenter(null, "another-browser-" + name, "another-address"))).comment();
    }

    static String li(long id) { return "#comment-" + id; }

    @Test
    void postReplyAndVoteWithPlainForms() {
        Article a = article("plain");
        Comment other = byOther(a, null, "Olav", "The ferry timetable is the real story.");
        browser.open(t.url("/articles/plain"));
        // No script ran: the byline keeps the date the server wrote.
        assertThat(browser.find(".byline time").getText()).matches("\\d{1,2} [A-Z][a-z]+ \\d{4}");

        browser.find("#comment-form input[name=name]").sendKeys("Plain Pat");
        browser.find("#comment-form textarea[name=body]").sendKeys("Posted the old way.");
        browser.find("#comment-form button[type=submit]").click();
        browser.waitUntil(d -> browser.url().contains("#comment-"));
        long mine = Long.parseLong(browser.url().replaceAll(".*#comment-", ""));
        assertThat(browser.find(li(mine) + " .comment-body").getText()).isEqualTo("Posted the old way.");
        assertThat(browser.find(".comment-count").getText()).isEqualTo("2 comments");

        browser.find(li(mine) + " > .comment-main a.reply").click();
        WebElement reply = browser.waitFor("#reply-" + mine);
        reply.findElement(By.name("name")).sendKeys("Plain Pat");
        reply.findElement(By.name("body")).sendKeys("Replying without a script.");
        reply.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitUntil(d -> browser.has(li(mine) + " > ol.replies > li.comment"));
        assertThat(browser.find(li(mine) + " > ol.replies").getText()).contains("Replying without a script.");

        browser.find(li(other.id()) + " > .comment-main button.up").click();
        browser.waitUntil(d -> browser.find(li(other.id()) + " > .comment-main .score").getText().equals("1"));
        assertThat(browser.find(li(other.id()) + " > .comment-main button.up").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.url()).endsWith("#comment-" + other.id());
    }

    @Test
    void deletingOnesOwnCommentWithThePlainFormTakesItAway() {
        article("regret");
        browser.open(t.url("/articles/regret"));
        browser.find("#comment-form input[name=name]").sendKeys("Rash Rae");
        browser.find("#comment-form textarea[name=body]").sendKeys("Something I regret.");
        browser.find("#comment-form button[type=submit]").click();
        browser.waitUntil(d -> browser.url().contains("#comment-"));
        long mine = Long.parseLong(browser.url().replaceAll(".*#comment-", ""));
        // The delete form has no fields at all, so the browser posts an empty body.
        browser.find(li(mine) + " form.delete button").click();
        browser.waitUntil(d -> browser.url().endsWith("#comments"));
        assertThat(browser.has(li(mine))).isFalse();
        assertThat(browser.find(".comment-count").getText()).isEqualTo("No comments");
    }

    @Test
    void aRefusedReplyComesBackWithItsErrorAndText() {
        Article a = article("refused-reply");
        Comment other = byOther(a, null, "Olav", "Reply to me.");
        browser.open(t.url("/articles/refused-reply"));
        browser.find(li(other.id()) + " > .comment-main a.reply").click();
        WebElement reply = browser.waitFor("#reply-" + other.id());
        reply.findElement(By.name("body")).sendKeys("A reply without a name.");
        reply.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement again = browser.waitFor("#reply-" + other.id() + " .field-error[data-field=name]");
        assertThat(again.getText()).isEqualTo("Please give a display name.");
        assertThat(browser.find("#reply-" + other.id() + " textarea[name=body]").getAttribute("value"))
                .isEqualTo("A reply without a name.");
    }

    @Test
    void replyingOnALaterPageOpensTheFormThere() {
        Article a = article("paged-reply");
        Comment late = null;
        for (int i = 1; i <= 53; i++) {
            Comment c = byOther(a, null, "Reader" + i, "Comment number " + i + ".");
            if (i == 52) late = c;
        }
        browser.open(t.url("/articles/paged-reply"));
        browser.find("a.load-more").click();
        browser.waitUntil(d -> browser.url().contains("after="));
        browser.find(li(late.id()) + " > .comment-main a.reply").click();
        assertThat(browser.waitFor("#reply-" + late.id()).isDisplayed()).isTrue();
    }

    @Test
    void aClosedDiscussionShowsANoticeAndNoForm() {
        Article a = article("closed");
        byOther(a, null, "Olav", "Said before it closed.");
        t.app.discussions.setOpen(t.app.discussions.forArticle(a.id()).orElseThrow().id(), false);
        browser.open(t.url("/articles/closed"));
        assertThat(browser.find(".closed-notice").getText()).contains("Comments are closed");
        assertThat(browser.has("form.comment-form")).isFalse();
        assertThat(browser.has("a.reply")).isFalse();
        assertThat(browser.find("ol.comments").getText()).contains("Said before it closed.");
    }

    @Test
    void aNarrowScreenNeedsNoSidewaysScrollAndDeepRepliesStopIndenting() {
        Article a = article("deep");
        Comment c = byOther(a, null, "Depth0", "Top of a long chain.");
        Comment[] chain = new Comment[9];
        chain[0] = c;
        for (int depth = 1; depth < chain.length; depth++) {
            chain[depth] = byOther(a, chain[depth - 1].id(), "Depth" + depth, "Reply at depth " + depth
                    + " with an unbreakable https://example.org/a/very/long/address/that/would/otherwise/push/the/page/sideways");
        }
        try (Browser narrow = Browser.start(false, 400, 900)) {
            narrow.open(t.url("/articles/deep"));
            Object overflow = narrow.js("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            int x5 = narrow.find(li(chain[5].id()) + " > .comment-main").getRect().getX();
            int x6 = narrow.find(li(chain[6].id()) + " > .comment-main").getRect().getX();
            int x8 = narrow.find(li(chain[8].id()) + " > .comment-main").getRect().getX();
            int x4 = narrow.find(li(chain[4].id()) + " > .comment-main").getRect().getX();
            assertThat(x5).isGreaterThan(x4);
            assertThat(x6).isEqualTo(x5);
            assertThat(x8).isEqualTo(x5);
            assertThat(narrow.find(li(chain[7].id()) + " .in-reply-to").getText()).isEqualTo("in reply to Depth6");
        }
    }
}
