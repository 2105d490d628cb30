package dev.tribune.text;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.Set;

/**
 * Markdown to safe HTML. Raw HTML in the source is escaped by the renderer, and the output
 * passes an allow-list sanitizer anyway, so nothing a writer typed becomes markup we did not allow.
 */
public final class Markdown {

    private static final Parser COMMENT_PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class, FencedCodeBlock.class))
            .build();
    private static final Parser ARTICLE_PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class, FencedCodeBlock.class,
                    IndentedCodeBlock.class, Heading.class, ThematicBreak.class))
            .build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br />")
            .build();

    private static final PolicyFactory COMMENT_POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "em", "strong", "blockquote", "ul", "ol", "li", "code", "pre", "br", "a", "del")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .allowAttributes("start").matching(java.util.regex.Pattern.compile("\\d{1,6}")).onElements("ol")
            .toFactory();

    private static final PolicyFactory ARTICLE_POLICY = COMMENT_POLICY.and(new HtmlPolicyBuilder()
            .allowElements("h2", "h3", "h4", "hr", "img")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowUrlProtocols("http", "https")
            .toFactory());

    private Markdown() {}

    /** A reader's comment: paragraphs, emphasis, links, quotes, lists and code only. */
    public static String comment(String source) {
        return COMMENT_POLICY.sanitize(RENDERER.render(COMMENT_PARSER.parse(source))).strip();
    }

    /** A staff-written article body: the comment subset plus headings, rules and images. */
    public static String article(String source) {
        return ARTICLE_POLICY.sanitize(RENDERER.render(ARTICLE_PARSER.parse(source))).strip();
    }
}
