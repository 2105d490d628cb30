package dev.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tribune.TestTribune;
import dev.tribune.discussion.NewComment;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Reader;
import dev.tribune.domain.Commenters;
import dev.tribune.domain.Site;
import dev.tribune.publishing.PageUrls;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embed in real Chromium across two sites on loopback: host pages served as "localhost" by a
 * tiny server in the test, Tribune as "127.0.0.1", and the browser set to block third-party
 * cookies. A control cookie shows the blocking is real before the embed is trusted to work under it.
 */
class EmbedBrowserIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static TestTribune t;
    static HttpServer pages;
    static HttpServer control;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static String hostOrigin;
    static String tribune;
    /** What Cookie header each control request arrived with, by its tag. */
    static final Map<String, String> cookiesSeen = new ConcurrentHashMap<>();
    /** The SSO token each /signed/… host page renders for its reader (none: the page has no token). */
    static final Map<String, String> ssoTokens = new ConcurrentHashMap<>();
    static MockOAuth2Server oidc;

    @BeforeAll
    static void start() throws Exception {
        t = TestTribune.start();
        // A second site owns the comments host's own name, so only the Origin can lead an embed to the gazette.
        t.app.sites.add("127.0.0.1", "The Other Courier");
        for (Site s : t.app.sites.all()) {
            t.app.policies.change(s.id(), Map.of("maxPerHourPerIp", "10000", "floodSeconds", "0", "maxPerMinute", "100"), null);
        }
        tribune = "http://127.0.0.1:" + t.port;

        control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.createContext("/", EmbedBrowserIT::controlCookie);
        control.start();

        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/", EmbedBrowserIT::hostPage);
        pages.start();
        hostOrigin = "http://localhost:" + pages.getAddress().getPort();
        t.app.sites.allowOrigin(t.site.id(), hostOrigin);

        oidc = new MockOAuth2Server();
        oidc.start();
        t.app.signOn.addProvider(t.site.id(), "keycloak", "oidc", "Keycloak", oidc.issuerUrl("default").toString(),
                "tribune-client", "tribune-secret");

        browser = chromium();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (pages != null) pages.stop(0);
        if (control != null) control.stop(0);
        if (oidc != null) oidc.shutdown();
        t.close();
    }

    /** Headless Chromium (flags of DESIGN.md §8) with third-party cookies blocked, as Safari and Chrome users have them. */
    static ChromeDriver chromium() throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("tribune-chrome"));
        // cookie_controls_mode 1 is "block third-party cookies" in settings; the older key is kept for older builds.
        options.setExperimentalOption("prefs", Map.of("profile.cookie_controls_mode", 1, "profile.block_third_party_cookies", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    // ---- the host site: static pages with the snippet, under a strict CSP holding only the documented lines ----

    static void hostPage(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String csp = "default-src 'self'; script-src 'self' " + tribune + "; connect-src 'self' " + tribune
                + "; style-src 'self' " + tribune + "; img-src 'self' " + tribune;
        String html = switch (path.startsWith("/story/") ? "/story" : path.startsWith("/signed/") ? "/signed" : path) {
            case "/signed" -> {
                // What a newsroom's backend renders: the token only for its signed-in reader.
                String token = ssoTokens.get(path);
                yield page("Members' story", "<h1>Members' story</h1><div data-tribune-thread data-url=\"" + hostOrigin + path + "\""
                        + (token == null ? "" : " data-sso-token=\"" + token + "\"") + "></div>", "embed.js");
            }
            case "/story" -> page("Harbour ferry story", "<h1>Harbour ferry story</h1><p>The article text.</p>"
                    + "<div data-tribune-thread data-url=\"" + hostOrigin + path + "\" data-title=\"Harbour ferry story\"></div>", "embed.js");
            case "/dark" -> {
                csp = null; // this page styles itself inline
                yield page("Night edition", "<style>html,body{background:#101114;color:#eee}</style><h1>Night edition</h1>"
                        + "<div data-tribune-thread data-url=\"" + hostOrigin + "/dark\"></div>", "embed.js");
            }
            case "/list" -> page("Latest", "<ul>"
                    + "<li><a href=\"/story/listed\">Ferry</a> <span class=\"n\" data-tribune-count data-url=\"" + hostOrigin + "/story/listed\"></span></li>"
                    + "<li><a href=\"/quiet\">Quiet</a> <span class=\"n\" data-tribune-count data-url=\"/quiet\"></span></li>"
                    + "<li><a href=\"/counted\">Counted</a> <span class=\"n\" data-tribune-count=\"number\" data-url=\"/counted\"></span></li>"
                    + "</ul>", "count.js");
            case "/third-party" -> {
                csp = null;
                String c = "http://127.0.0.1:" + control.getAddress().getPort();
                yield page("Control", "<iframe src=\"" + c + "/echo?tag=framed\"></iframe><iframe src=\"" + c + "/set?name=third\"></iframe>", null);
            }
            default -> null;
        };
        byte[] body = (html == null ? "not found" : html).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        if (csp != null) x.getResponseHeaders().set("Content-Security-Policy", csp);
        x.sendResponseHeaders(html == null ? 404 : 200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    static String page(String title, String content, String script) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + content
                + (script == null ? "" : "<script src=\"" + tribune + "/" + script + "\" async></script>") + "</body></html>";
    }

    /** The control: /set sets a cookie that may travel cross-site (SameSite=None); /echo notes which cookies came back. */
    static void controlCookie(HttpExchange x) throws IOException {
        String query = x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery();
        String value = query.replaceFirst("^[a-z]+=", "");
        if (x.getRequestURI().getPath().equals("/set")) {
            x.getResponseHeaders().add("Set-Cookie", value + "=1; Path=/; SameSite=None; Secure");
        } else {
            cookiesSeen.put(value, String.join("; ", x.getRequestHeaders().getOrDefault("Cookie", List.of())));
        }
        byte[] body = "<!doctype html><title>control</title>ok".getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    // ---- helpers inside the embed's shadow root ----

    static SearchContext thread() {
        return wait.until(d -> {
            List<WebElement> hosts = d.findElements(By.cssSelector("[data-tribune-thread]"));
            if (hosts.isEmpty()) return null;
            Object root = ((JavascriptExecutor) d).executeScript("return arguments[0].shadowRoot", hosts.get(0));
            return root == null ? null : hosts.get(0).getShadowRoot();
        });
    }

    static WebElement inThread(String css) {
        return wait.until(d -> thread().findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    static <T> T until(Function<SearchContext, T> look) {
        return wait.until(d -> look.apply(thread()));
    }

    static WebElement commentWith(String text) {
        return until(s -> s.findElements(By.cssSelector("li.comment")).stream()
                .filter(li -> li.getText().contains(text)).findFirst().orElse(null));
    }

    static Discussion story(String name) {
        return t.app.discussions.forPage(t.site.id(), PageUrls.keyForUrl(hostOrigin + "/story/" + name)).orElseThrow();
    }

    // ---- the tests ----

    @Test
    void theBrowserReallyDropsThirdPartyCookies() {
        assertThirdPartyCookiesAreDropped();
    }

    static void assertThirdPartyCookiesAreDropped() {
        cookiesSeen.clear();
        String c = "http://127.0.0.1:" + control.getAddress().getPort();
        // First-party, the control cookie is kept and sent back: the control itself works.
        browser.get(c + "/set?name=first");
        browser.get(c + "/echo?tag=top");
        assertThat(cookiesSeen.get("top")).contains("first=1");
        // Framed in a page of localhost, the same server gets no cookie, and cannot set one.
        browser.get(hostOrigin + "/third-party");
        wait.until(d -> cookiesSeen.containsKey("framed"));
        assertThat(cookiesSeen.get("framed")).doesNotContain("first=1");
        browser.get(c + "/echo?tag=after");
        assertThat(cookiesSeen.get("after")).contains("first=1").doesNotContain("third=1");
    }

    @Test
    void aGuestPostsRepliesAndVotesAndStaysTheSameReaderWithThirdPartyCookiesBlocked() {
        browser.get(hostOrigin + "/story/guest");
        assertThat(inThread("h2.count").getText()).isEqualTo("0 comments");
        // Someone else's comment to vote on, posted meanwhile.
        Discussion d = story("guest");
        t.app.comments.post(new NewComment(d.id(), null, "Olive Other", null, "The ferry was late again.",
                new Commenter(null, "another-browser", "another-address"), false));

        browser.navigate().refresh();
        commentWith("The ferry was late again.");
        inThread("form.compose input[name=name]").sendKeys("Gwen Guest");
        inThread("form.compose textarea").sendKeys("Posted from the host page.");
        inThread("form.compose button[type=submit]").click();
        WebElement mine = commentWith("Posted from the host page.");
        assertThat(mine.getText()).contains("Gwen Guest");
        assertThat(inThread("h2.count").getText()).isEqualTo("2 comments");

        // Reply to the other reader's comment.
        WebElement theirs = commentWith("The ferry was late again.");
        theirs.findElement(By.cssSelector("button.reply")).click();
        WebElement replyForm = until(s -> s.findElements(By.cssSelector("form.reply-form")).stream().findFirst().orElse(null));
        replyForm.findElement(By.cssSelector("textarea")).sendKeys("It was on time on Tuesday.");
        replyForm.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement reply = commentWith("It was on time on Tuesday.");
        assertThat(reply.getAttribute("data-indent")).isEqualTo("1");

        // Vote their comment up.
        commentWith("The ferry was late again.").findElement(By.cssSelector("button.vote.up")).click();
        until(s -> "true".equals(commentWith("The ferry was late again.").findElement(By.cssSelector("button.vote.up"))
                .getAttribute("aria-pressed")) ? true : null);
        assertThat(commentWith("The ferry was late again.").findElement(By.cssSelector(".score")).getText()).isEqualTo("1");

        // After a reload the embed still knows this reader: own comments marked, the vote shown.
        browser.navigate().refresh();
        until(s -> commentWith("Posted from the host page.").getAttribute("class").contains("mine") ? true : null);
        until(s -> "true".equals(commentWith("The ferry was late again.").findElement(By.cssSelector("button.vote.up"))
                .getAttribute("aria-pressed")) ? true : null);

        // All of it stored as one guest, through no cookie at all.
        List<String> keys = t.app.db.read(h -> h.createQuery("select distinct guest_key from comment where discussion_id = ? and author_name = 'Gwen Guest'")
                .bind(0, d.id()).mapTo(String.class).list());
        assertThat(keys).hasSize(1).doesNotContainNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cookies = (List<Map<String, Object>>) browser.executeCdpCommand("Storage.getCookies", Map.of()).get("cookies");
        assertThat(cookies).noneMatch(c -> String.valueOf(c.get("name")).startsWith("tribune_"));
    }

    @Test
    void aReaderReportsAComment() {
        browser.get(hostOrigin + "/story/report");
        inThread("h2.count");
        Discussion d = story("report");
        t.app.comments.post(new NewComment(d.id(), null, "Spammy Sam", null, "Buy cheap ferry tickets here.",
                new Commenter(null, "spam-browser", "spam-address"), false));
        browser.navigate().refresh();
        WebElement spam = commentWith("Buy cheap ferry tickets here.");
        spam.findElement(By.cssSelector("button.report")).click();
        WebElement form = until(s -> s.findElements(By.cssSelector("form.report-form")).stream().findFirst().orElse(null));
        new Select(form.findElement(By.cssSelector("select"))).selectByValue("spam");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        until(s -> commentWith("Buy cheap ferry tickets here.").getText().contains("the moderators will look at it") ? true : null);
        int reports = t.app.db.read(h -> h.createQuery("select count(*) from flag f join comment c on c.id = f.comment_id "
                + "where c.body_md = 'Buy cheap ferry tickets here.' and f.reason = 'spam'").mapTo(Integer.class).one());
        assertThat(reports).isEqualTo(1);
    }

    @Test
    void countsFillAListingPageFromOneRequest() {
        Discussion counted = t.app.discussions.ensurePage(t.site.id(), PageUrls.keyForUrl(hostOrigin + "/counted"), "Counted", hostOrigin + "/counted");
        for (String text : new String[] {"First counted.", "Second counted.", "Third counted."}) {
            t.app.comments.post(new NewComment(counted.id(), null, "Cal", null, text, new Commenter(null, "cal-" + text, "cal"), false));
        }
        Discussion listed = t.app.discussions.ensurePage(t.site.id(), PageUrls.keyForUrl(hostOrigin + "/story/listed"), "Listed", hostOrigin + "/story/listed");
        t.app.comments.post(new NewComment(listed.id(), null, "Lu", null, "Listed once.", new Commenter(null, "lu", "lu"), false));

        browser.get(hostOrigin + "/list");
        wait.until(d -> d.findElements(By.cssSelector(".n[data-count]")).size() == 3);
        List<String> shown = browser.findElements(By.cssSelector(".n")).stream().map(WebElement::getText).toList();
        assertThat(shown).containsExactly("1 comment", "0 comments", "3");
        Object requests = browser.executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.indexOf('/api/v1/counts') >= 0).length");
        assertThat(((Number) requests).intValue()).isEqualTo(1);
    }

    @Test
    void aPageOnAnOriginTheSiteDoesNotAllowIsToldSoPlainly() {
        // The same page, reached as 127.0.0.1 instead of localhost: an origin no site allows.
        browser.get("http://127.0.0.1:" + pages.getAddress().getPort() + "/story/refused");
        WebElement refused = inThread("p.refused");
        assertThat(refused.getText()).contains("may not show discussions").contains("127.0.0.1:" + pages.getAddress().getPort());
        assertThat(thread().findElements(By.cssSelector("form.compose"))).isEmpty();
    }

    @Test
    void theEmbedFollowsADarkHostPage() {
        browser.get(hostOrigin + "/dark");
        inThread("h2.count");
        assertThat(inThread("section.tribune").getAttribute("data-scheme")).isEqualTo("dark");
        browser.get(hostOrigin + "/story/light");
        inThread("h2.count");
        assertThat(inThread("section.tribune").getAttribute("data-scheme")).isEqualTo("light");
    }

    static List<String> tribuneCookies() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cookies = (List<Map<String, Object>>) browser.executeCdpCommand("Storage.getCookies", Map.of()).get("cookies");
        return cookies.stream().map(c -> String.valueOf(c.get("name"))).filter(n -> n.startsWith("tribune_")).toList();
    }

    /** What the embed keeps in the host page's own storage. */
    static JsonNode embedStorage() throws Exception {
        Object raw = browser.executeScript("return localStorage.getItem(arguments[0])", "tribune:" + tribune);
        return JSON.readTree(raw == null ? "{}" : raw.toString());
    }

    static String ssoToken(String secret, String sub, String name, String role, List<String> badges) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(sub).audience("localhost").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("email", sub + "@members.test.org").claim("name", name)
                .claim("role", role).claim("badges", badges).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    static int sessionStatus(String bearer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tribune + "/api/v1/session"))
                .header("Authorization", "Bearer " + bearer).header("Origin", hostOrigin).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void anSsoReaderArrivesSignedInAndPostsUnderTheirOwnNameWithTheirBadge() throws Exception {
        assertThirdPartyCookiesAreDropped();
        String secret = t.app.signOn.newSsoSecret(t.site.id());
        t.app.sites.setCommenting(t.site.id(), Commenters.SUBSCRIBERS);
        try {
            ssoReaderSignsInPostsAndSignsOut(secret);
        } finally {
            t.app.sites.setCommenting(t.site.id(), Commenters.ANYONE);
        }
    }

    private void ssoReaderSignsInPostsAndSignsOut(String secret) throws Exception {
        // The newsroom's page for its signed-in subscriber carries a token made with the site's secret.
        ssoTokens.put("/signed/members", ssoToken(secret, "sam-42", "Sam Subscriber", "subscriber", List.of("Member since 2019")));
        browser.get(hostOrigin + "/signed/members");
        assertThat(inThread(".account .name").getText()).isEqualTo("Sam Subscriber");
        assertThat(inThread(".account .badge").getText()).isEqualTo("Member since 2019");
        assertThat(thread().findElements(By.cssSelector("form.compose input[name=name]"))).isEmpty();
        inThread("form.compose textarea").sendKeys("Posted as a subscriber from the newsroom's page.");
        inThread("form.compose button[type=submit]").click();
        WebElement mine = commentWith("Posted as a subscriber from the newsroom's page.");
        assertThat(mine.findElement(By.cssSelector(".name")).getText()).isEqualTo("Sam Subscriber");
        assertThat(mine.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Member since 2019");
        Reader sam = t.app.readers.byEmail(t.site.id(), "sam-42@members.test.org").orElseThrow();
        long byAccount = t.app.db.read(h -> h.createQuery("select count(*) from comment where account_id = ? and body_md like 'Posted as a subscriber%'")
                .bind(0, sam.id()).mapTo(Long.class).one());
        assertThat(byAccount).isEqualTo(1);
        // Signed in through headers only: no Tribune cookie anywhere in the browser.
        assertThat(tribuneCookies()).isEmpty();
        String session = embedStorage().path("session").asText();
        assertThat(sessionStatus(session)).isEqualTo(200);

        // A reload with the same token keeps the same session (no second exchange needed).
        browser.navigate().refresh();
        assertThat(inThread(".account .name").getText()).isEqualTo("Sam Subscriber");
        assertThat(embedStorage().path("session").asText()).isEqualTo(session);

        // The newsroom signs its reader out: Tribune.signOut() ends the session, and on this
        // subscribers-only site the guest is told so instead of getting a form.
        browser.executeAsyncScript("Tribune.signOut().then(arguments[arguments.length - 1])");
        until(s -> s.findElements(By.cssSelector(".account .name")).isEmpty() ? true : null);
        assertThat(inThread("p.note").getText()).isEqualTo("Only subscribers can comment on The Test Gazette.");
        assertThat(sessionStatus(session)).isEqualTo(401);
        assertThat(embedStorage().has("session")).isFalse();

        // A single-page site signs in with the JavaScript API; a later page without a token means signed out.
        String again = ssoToken(secret, "sam-42", "Sam Subscriber", "subscriber", List.of("Member since 2019"));
        browser.executeAsyncScript("Tribune.signIn(arguments[0]).then(arguments[arguments.length - 1])", again);
        assertThat(inThread(".account .name").getText()).isEqualTo("Sam Subscriber");
        String second = embedStorage().path("session").asText();
        assertThat(second).isNotEqualTo(session);
        browser.get(hostOrigin + "/signed/members-logged-out");
        assertThat(inThread("p.note").getText()).isEqualTo("Only subscribers can comment on The Test Gazette.");
        assertThat(thread().findElements(By.cssSelector(".account .name"))).isEmpty();
        assertThat(sessionStatus(second)).isEqualTo(401);

        // A plain reader (not a subscriber) signed in by the newsroom is told why there is no form.
        ssoTokens.put("/signed/plain", ssoToken(secret, "rita-7", "Rita Reader", "reader", List.of()));
        browser.get(hostOrigin + "/signed/plain");
        assertThat(inThread(".account .name").getText()).isEqualTo("Rita Reader");
        assertThat(inThread("p.note").getText()).isEqualTo("Only subscribers can comment on The Test Gazette.");
        browser.executeAsyncScript("Tribune.signOut().then(arguments[arguments.length - 1])");
    }

    @Test
    void anOidcSignInThroughTheEmbedCompletes() {
        assertThirdPartyCookiesAreDropped();
        oidc.enqueueCallback(new DefaultOAuth2TokenCallback("default", "olive-77", "JWT", List.of("tribune-client"),
                Map.of("email", "olive.popup@test.org", "email_verified", true, "name", "Olive Popup"), 3600));
        browser.get(hostOrigin + "/story/oidc");
        String hostWindow = browser.getWindowHandle();
        inThread("button.sign-in").click();
        String popup = wait.until(d -> d.getWindowHandles().stream().filter(h -> !h.equals(hostWindow)).findFirst().orElse(null));
        browser.switchTo().window(popup);
        // The popup is on the comments host itself, where its cookies are first-party.
        assertThat(browser.getCurrentUrl()).startsWith(tribune + "/embed/sign-in?origin=");
        wait.until(d -> d.findElement(By.cssSelector("a.provider"))).click();
        // The provider answers, the hand-off page posts its code to the host page and closes itself.
        wait.until(d -> d.getWindowHandles().size() == 1);
        browser.switchTo().window(hostWindow);
        assertThat(inThread(".account .name").getText()).isEqualTo("Olive Popup");
        inThread("form.compose textarea").sendKeys("Signed in through the popup.");
        inThread("form.compose button[type=submit]").click();
        WebElement mine = commentWith("Signed in through the popup.");
        assertThat(mine.findElement(By.cssSelector(".name")).getText()).isEqualTo("Olive Popup");
        Reader olive = t.app.readers.byEmail(t.site.id(), "olive.popup@test.org").orElseThrow();
        long writer = t.app.db.read(h -> h.createQuery("select account_id from comment where body_md = 'Signed in through the popup.'")
                .mapTo(Long.class).one());
        assertThat(writer).isEqualTo(olive.id());
        // The embed's own Sign out ends it.
        inThread("button.sign-out").click();
        until(s -> s.findElements(By.cssSelector(".account .name")).isEmpty() ? true : null);
        assertThat(inThread("button.sign-in")).isNotNull();
    }
}
