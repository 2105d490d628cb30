package dev.tribune.moderation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.discussion.Limits;
import dev.tribune.domain.Refusal;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site's moderation settings. Start from a preset (relaxed, balanced, strict) and change single
 * keys. Score thresholds are in [0, 1]; null ("off") switches that check off.
 *
 * @param preset the preset these settings started from
 * @param minLength shortest comment, in characters
 * @param maxLength longest comment, in characters (at most the hard limit)
 * @param maxPerMinute comments one writer may post in a minute
 * @param maxPerHour comments one writer may post in an hour
 * @param floodSeconds seconds a writer waits between two comments
 * @param maxPerHourPerIp comments from one (hashed) address in an hour, all writers together
 * @param duplicateHours how long the same text from the same writer is refused as a repeat
 * @param siteDuplicateLimit how many other writers may post the same text in an hour before it is held as spam
 * @param maxLinks links a comment may carry before it is held
 * @param profanity what general profanity gets: pass or hold (slurs are always rejected)
 * @param bannedWords extra words rejected on this site, comma-separated (word-list syntax)
 * @param suspectWords extra words held on this site, comma-separated
 * @param allowedWords extra allowed words against false hits, comma-separated
 * @param toxicityNudge toxicity score from which the writer is nudged (and held if they post anyway)
 * @param toxicityReject toxicity score from which a comment is refused
 * @param spamHold spam score from which a comment is held
 * @param spamReject spam score from which a comment is refused
 * @param premoderateAll hold every reader comment on the site
 * @param premoderateNewCommenters hold the first N comments of a writer until one is published
 * @param premoderateLinks hold every comment with a link
 * @param reportThreshold reader reports that send a comment to the moderators
 * @param reportAction at the threshold: flag (stays visible, listed as reported) or hold (hidden until reviewed)
 * @param reportsPerHour reports one reader may file in an hour
 */
public record Policy(String preset, int minLength, int maxLength, int maxPerMinute, int maxPerHour, int floodSeconds,
                     int maxPerHourPerIp, int duplicateHours, int siteDuplicateLimit, int maxLinks, String profanity,
                     String bannedWords, String suspectWords, String allowedWords, Double toxicityNudge,
                     Double toxicityReject, Double spamHold, Double spamReject, boolean premoderateAll,
                     int premoderateNewCommenters, boolean premoderateLinks, int reportThreshold, String reportAction,
                     int reportsPerHour) {

    /** Lets most things through: only slurs, floods and near-certain scores are stopped. */
    public static final Policy RELAXED = new Policy("relaxed", 1, Limits.MAX_BODY_CHARS, 6, 60, 5, 120, 24, 5, 8,
            "pass", "", "", "", 0.9, null, 0.95, null, false, 0, false, 5, "flag", 20);
    /** The default: profanity and likely spam wait for a moderator, toxic drafts get a nudge. */
    public static final Policy BALANCED = new Policy("balanced", 2, Limits.MAX_BODY_CHARS, 4, 30, 10, 60, 24, 3, 3,
            "hold", "", "", "", 0.75, null, 0.8, 0.98, false, 0, false, 3, "flag", 10);
    /** For heated stories: new writers and links are premoderated, reported comments hidden at once. */
    public static final Policy STRICT = new Policy("strict", 5, 5_000, 2, 15, 30, 30, 72, 2, 1,
            "hold", "", "", "", 0.6, 0.95, 0.6, 0.9, false, 1, true, 2, "hold", 5);

    public static final List<Policy> PRESETS = List.of(RELAXED, BALANCED, STRICT);

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Set<String> SCORES = Set.of("toxicityNudge", "toxicityReject", "spamHold", "spamReject");

    public static Policy preset(String name) {
        for (Policy p : PRESETS) if (p.preset.equalsIgnoreCase(name == null ? "" : name.strip())) return p;
        throw Refusal.invalid("preset", "There is no preset '" + name + "'; choose relaxed, balanced or strict.");
    }

    /** The settings as key → value, in declaration order (what the CLI and the console show). */
    public Map<String, Object> asMap() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.convertValue(this, LinkedHashMap.class);
        return m;
    }

    /** These settings with some keys changed; values come as text ("0.7", "off", "true"), as a person types them. */
    public Policy with(Map<String, String> changes) {
        Map<String, Object> m = asMap();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (RecordComponent c : Policy.class.getRecordComponents()) types.put(c.getName(), c.getType());
        changes.forEach((k, v) -> {
            Class<?> type = types.get(k);
            if (type == null || k.equals("preset")) {
                errors.put(k, "There is no moderation setting '" + k + "'.");
                return;
            }
            String text = v == null ? "" : v.strip();
            try {
                if (type == int.class) m.put(k, Integer.parseInt(text));
                else if (type == Double.class) m.put(k, text.equalsIgnoreCase("off") ? null : Double.parseDouble(text));
                else if (type == boolean.class) {
                    if (!text.equals("true") && !text.equals("false")) throw new NumberFormatException();
                    m.put(k, Boolean.parseBoolean(text));
                } else m.put(k, text);
            } catch (NumberFormatException e) {
                errors.put(k, "'" + k + "' takes " + (type == int.class ? "a whole number" : type == Double.class
                        ? "a score between 0 and 1, or off" : "true or false") + ", not '" + text + "'.");
            }
        });
        if (!errors.isEmpty()) throw Refusal.invalid(errors);
        Policy p = JSON.convertValue(m, Policy.class);
        p.check();
        return p;
    }

    /** Checks ranges, naming every setting that is out of range. */
    private void check() {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> m = asMap();
        m.forEach((k, v) -> {
            if (v instanceof Integer i && i < 0) errors.put(k, "'" + k + "' cannot be negative.");
            if (v instanceof Double d && SCORES.contains(k) && (d < 0 || d > 1)) errors.put(k, "'" + k + "' is a score between 0 and 1, or off.");
        });
        if (maxLength < 1 || maxLength > Limits.MAX_BODY_CHARS) errors.put("maxLength", "'maxLength' is between 1 and " + Limits.MAX_BODY_CHARS + ".");
        if (minLength > maxLength) errors.put("minLength", "'minLength' cannot exceed 'maxLength'.");
        if (!Set.of("pass", "hold").contains(profanity)) errors.put("profanity", "'profanity' is pass or hold.");
        if (!Set.of("flag", "hold").contains(reportAction)) errors.put("reportAction", "'reportAction' is flag or hold.");
        if (reportThreshold < 1) errors.put("reportThreshold", "'reportThreshold' is at least 1.");
        if (!errors.isEmpty()) throw Refusal.invalid(errors);
    }

}
