package dev.tribune.search;

import dev.tribune.App;
import dev.tribune.discussion.NewComment;
import dev.tribune.domain.Article;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Commenter;
import dev.tribune.publishing.Newsroom;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small newsroom with known words, written for the search tests: the same articles and
 * comments go into SQLite and PostgreSQL, and the same queries must find the same rows in both.
 * It sits beside TestTribune's own article "harbour-story" (which mentions the harbour and the mayor).
 */
public final class SearchCorpus {
    /** Article slug to its id; comment key to its id. */
    public final Map<String, Long> articles = new LinkedHashMap<>();
    public final Map<String, Long> comments = new LinkedHashMap<>();

    private final App app;
    private final long siteId;
    private final long authorId;

    private SearchCorpus(App app, long siteId, long authorId) {
        this.app = app;
        this.siteId = siteId;
        this.authorId = authorId;
    }

    public static SearchCorpus seed(App app, long siteId, long authorId) {
        SearchCorpus c = new SearchCorpus(app, siteId, authorId);
        c.articles();
        c.comments();
        return c;
    }

    private void articles() {
        article("lighthouse-restoration", "Lighthouse restoration begins at Gull Point", "Volunteers raise funds",
                "The keeper's cottage will reopen as a museum.", "heritage");
        article("ferry-timetable", "New ferry timetable adds evening sailings", "Commuters welcome the change",
                "The operator will add two sailings after nine.", "transport");
        article("ferry-fares", "Ferry fares rise by five per cent", "", "Ticket prices climb for the third year.", "transport", "ferry");
        article("seawall-study", "Seawall study warns of storm surges", "Engineers modelled the coast",
                "Storm surges could overtop the seawall by 2040.", "climate");
        article("budget-vote", "Council passes budget after long night", "Library hours protected",
                "The vote was seven to four. The library keeps its Sunday hours.", "council");
        article("library-hours", "Library extends weekend hours", "", "Readers asked for more time on Saturdays.", "books");
        article("strike-talks", "Transit strike talks resume", "Union and city return to the table",
                "Split shifts remain the sticking point.", "transport", "labour");
        article("cannery-lanterns", "Lantern walk returns to the cannery district", "",
                "Hundreds carried paper lanterns along the old wharf.", "culture");
        article("rent-registry", "Rent registry pilot approved", "Three wards first", "Landlords must file monthly rent for each unit.", "housing");
        article("football-final", "Mariners win the coastal cup final", "A late goal", "Kestrel Bay lost two goals to one.", "sport");
        article("oyster-beds", "Oyster beds recover in the sound", "Water quality improves", "Biologists counted twice as many oysters.", "environment");
        article("cafe-opening", "Café opens on the old pier", "", "The café serves chowder and coffee.", "food");
        article("bridge-closure", "Bridge closure detours traffic", "", "The north bridge closes for repairs in March.", "transport");
        article("tide-tables", "Why the tide tables were wrong", "A printing error",
                "The almanac swapped high and low water for June, the seawall gauge showed.", "explainer");
        article("zebra-mussels", "Zebra mussels found in reservoir", "", "Inspectors found the mussels on a boat ramp.", "environment");
        article("quantum-club", "Schools trial quantum computing club", "", "Pupils wrote their first qubit programs.", "education");
        article("harbour-dredging", "Harbour dredging to deepen the channel", "", "Dredgers will remove silt from the harbour mouth.", "port");
        article("mayor-profile", "Profile: the mayor's first year", "", "She promised a new harbour plan and kept the library open.", "politics");
        article("election-recount", "Recount confirms ward election", "", "Ballots were counted again by hand.", "politics");
        article("hostile-markup", "Markup in the <b>newsroom</b>", "",
                "Tag soup: <script>alert('xss')</script> and a xylophone.", "tests");
        // Never found by readers: a draft and a story scheduled for tomorrow.
        articles.put("draft-story", app.newsroom.create(siteId, new Newsroom.ArticleDraft("draft-story", "Draft about the secretword",
                "", "Unpublished secretword zeppelin.", authorId, List.of(), null)).id());
        articles.put("future-story", app.newsroom.create(siteId, new Newsroom.ArticleDraft("future-story", "Tomorrow's secretword",
                "", "Scheduled secretword.", authorId, List.of(), Instant.now().plusSeconds(86_400))).id());
    }

    private void comments() {
        comment("evening", "ferry-timetable", "Marta Quayle", "Finally an evening sailing, the last ferry was always packed.");
        comment("fares", "ferry-fares", "Olu Brennan", "Fares keep climbing while the boats break down.");
        comment("basement", "seawall-study", "Jin Park", "My basement flooded in the last storm surge.");
        comment("parents", "library-hours", "Rosa Lind", "Sunday hours matter for working parents.");
        comment("lanterns", "cannery-lanterns", "Tess Ferryman", "The lanterns were beautiful this year.");
        comment("herons", "oyster-beds", "Ana Silt", "Good news for the oysters and the herons.");
        comment("offside", "football-final", "Kestrel Fan", "Robbed! That goal was offside.");
        comment("diesel", "harbour-story", "Marta Quayle", "The harbour smells of diesel again.");
        comment("hostile", "hostile-markup", "<b>Mallory</b>", "<img src=x onerror=alert(1)> a quokka \"quote\" & more");
        // Not for readers: held for review, hidden by staff, and under an unpublished draft.
        long held = comment("held", "strike-talks", "Vic Held", "Secret plans for the zeppelin depot.");
        app.comments.hold(held, "reported by readers");
        long hidden = comment("hidden", "bridge-closure", "Spam Bot", "Buy zeppelin tickets now.");
        app.comments.moderate(hidden, CommentStatus.REJECTED, "spam");
        comment("on-draft", "draft-story", "Early Bird", "A zeppelin comment under a draft.");
    }

    private void article(String slug, String headline, String standfirst, String body, String... tags) {
        Article a = app.newsroom.create(siteId, new Newsroom.ArticleDraft(slug, headline, standfirst, body, authorId,
                Arrays.asList(tags), Instant.now().minusSeconds(3600 + articles.size() * 60L)));
        articles.put(slug, a.id());
    }

    private long comment(String key, String slug, String name, String body) {
        long discussion = app.discussions.forArticle(articleId(slug)).orElseThrow().id();
        long id = app.comments.importPublished(new NewComment(discussion, null, name, "", body, Commenter.anonymous("corpus")),
                Instant.now().minusSeconds(600 - comments.size() * 10L)).id();
        comments.put(key, id);
        return id;
    }

    private long articleId(String slug) {
        Long id = articles.get(slug);
        if (id != null) return id;
        return app.newsroom.bySlug(siteId, slug).orElseThrow().id();
    }

    /** The expected result sets: query → article slugs readers find (TestTribune's harbour-story included). */
    public static final Map<String, List<String>> ARTICLE_QUERIES = Map.ofEntries(
            Map.entry("lighthouse", List.of("lighthouse-restoration")),
            Map.entry("ferry", List.of("ferry-timetable", "ferry-fares")),
            Map.entry("harbour", List.of("harbour-story", "harbour-dredging", "mayor-profile")),
            Map.entry("library hours", List.of("budget-vote", "library-hours")),
            Map.entry("storm surge", List.of("seawall-study")),
            Map.entry("transport", List.of("ferry-timetable", "ferry-fares", "strike-talks", "bridge-closure")),
            Map.entry("café", List.of("cafe-opening")),
            Map.entry("xylophone", List.of("hostile-markup")),
            Map.entry("secretword", List.of()),
            Map.entry("oyster", List.of("oyster-beds")),
            Map.entry("MUSSEL zebra", List.of("zebra-mussels")),
            Map.entry("two", List.of("ferry-timetable", "football-final")),
            Map.entry("seawall", List.of("seawall-study", "tide-tables")),
            Map.entry("mayor", List.of("harbour-story", "mayor-profile")),
            Map.entry("library", List.of("budget-vote", "library-hours", "mayor-profile")),
            Map.entry("\"qubit\"*)(", List.of("quantum-club")),
            Map.entry("nothingmatchesthis", List.of()));

    /** Queries with one clear best match (in the headline, where the others have it only in the body). */
    public static final Map<String, String> TOP_HITS = Map.of(
            "mayor", "mayor-profile",
            "seawall", "seawall-study",
            "library", "library-hours");

    /** query → comment keys readers find: published comments under published articles only. */
    public static final Map<String, List<String>> COMMENT_QUERIES = Map.of(
            "ferry", List.of("evening", "lanterns"),
            "zeppelin", List.of(),
            "storm", List.of("basement"),
            "quokka", List.of("hostile"),
            "marta", List.of("evening", "diesel"),
            "harbour", List.of("diesel"),
            "sunday hours", List.of("parents"));
}
