package dev.tribune.perspective;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Perspective's attribute names: those Tribune scores (with the model behind each) and those it knows but cannot. */
public final class Attributes {
    private Attributes() {}

    /** Attribute name to the Tribune model trained for it. */
    public static final Map<String, String> SCORED;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("TOXICITY", "toxicity");
        m.put("INSULT", "insult");
        m.put("THREAT", "threat");
        m.put("IDENTITY_ATTACK", "identity_attack");
        m.put("PROFANITY", "profanity");
        m.put("SPAM", "spam");
        SCORED = java.util.Collections.unmodifiableMap(m);
    }

    /** Attributes Perspective offers (production, experimental, bridging) that Tribune has no model for. */
    static final Set<String> NOT_SCORED = Set.of(
            "SEVERE_TOXICITY", "SEXUALLY_EXPLICIT", "FLIRTATION",
            "TOXICITY_EXPERIMENTAL", "SEVERE_TOXICITY_EXPERIMENTAL", "IDENTITY_ATTACK_EXPERIMENTAL",
            "INSULT_EXPERIMENTAL", "PROFANITY_EXPERIMENTAL", "THREAT_EXPERIMENTAL",
            "ATTACK_ON_AUTHOR", "ATTACK_ON_COMMENTER", "INCOHERENT", "INFLAMMATORY", "LIKELY_TO_REJECT",
            "OBSCENE", "UNSUBSTANTIAL",
            "AFFINITY_EXPERIMENTAL", "COMPASSION_EXPERIMENTAL", "CURIOSITY_EXPERIMENTAL", "NUANCE_EXPERIMENTAL",
            "PERSONAL_STORY_EXPERIMENTAL", "REASONING_EXPERIMENTAL", "RESPECT_EXPERIMENTAL");

    /** The languages every scored attribute reads: English only. */
    static final List<String> LANGUAGES = List.of("en");

    static String scoredList() {
        return String.join(", ", SCORED.keySet());
    }
}
