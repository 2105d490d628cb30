package dev.tribune.perspective;

import dev.tribune.moderation.Classifiers;
import dev.tribune.moderation.TextClassifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a comments:analyze request with Tribune's own models, one per attribute, in
 * Perspective's response shape. Holds nothing between requests and stores nothing.
 */
public final class Analyzer {
    private final Map<String, TextClassifier> models;

    public Analyzer(Map<String, TextClassifier> models) {
        this.models = Map.copyOf(models);
    }

    /**
     * One model per attribute: the server's running toxicity and spam models (the newsroom-trained
     * toxicity model when there is one, and no second copy in memory), the shipped heads for the rest.
     */
    public static Analyzer over(Classifiers running) {
        Map<String, TextClassifier> m = new LinkedHashMap<>();
        Attributes.SCORED.forEach((attribute, target) -> m.put(attribute, running.model(target)));
        return new Analyzer(m);
    }

    /** The models shipped inside Tribune, one for each attribute it scores. */
    public static Analyzer shipped() {
        return over(Classifiers.loadShipped());
    }

    public Map<String, Object> analyze(AnalyzeRequest request) {
        Map<String, Object> scores = new LinkedHashMap<>();
        request.attributes().forEach((attribute, threshold) -> {
            TextClassifier model = models.get(attribute);
            double summary = model.probability(request.text());
            // like Perspective: an attribute scoring under the asked threshold is left out
            if (threshold != null && summary < threshold) return;
            Map<String, Object> a = new LinkedHashMap<>();
            if (request.spanAnnotations()) {
                List<Map<String, Object>> spans = new ArrayList<>();
                for (TextClassifier.Span s : model.sentences(request.text())) {
                    Map<String, Object> span = new LinkedHashMap<>();
                    span.put("begin", s.begin());
                    span.put("end", s.end());
                    span.put("score", score(s.probability()));
                    spans.add(span);
                }
                a.put("spanScores", spans);
            }
            a.put("summaryScore", score(summary));
            scores.put(attribute, a);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributeScores", scores);
        out.put("languages", request.languages().isEmpty() ? Attributes.LANGUAGES : request.languages());
        // Tribune does not detect languages: every model reads the text as English
        out.put("detectedLanguages", Attributes.LANGUAGES);
        if (request.clientToken() != null) out.put("clientToken", request.clientToken());
        return out;
    }

    private static Map<String, Object> score(double p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("value", Math.round(Math.min(1, Math.max(0, p)) * 1e6) / 1e6);
        s.put("type", "PROBABILITY");
        return s;
    }
}
