package dev.tribune.search;

/**
 * Turns a snippet the database marked with two private-use characters into safe HTML: the
 * stored text is escaped first, then the marks become balanced {@code <mark>} elements. Stored
 * text is never trusted as HTML, and a writer who types the marker characters gets nothing but
 * a harmless, balanced highlight.
 */
public final class Highlight {
    /** Start and end of a matched word, as the database is asked to put them. */
    public static final char OPEN = '\uE000';
    public static final char CLOSE = '\uE001';

    private Highlight() {}

    public static String html(String marked) {
        if (marked == null) return "";
        StringBuilder out = new StringBuilder(marked.length() + 32);
        boolean open = false;
        boolean space = false;
        boolean lineStart = true;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (Character.isWhitespace(c)) {
                // Markdown's line breaks and indents mean nothing in a one-line snippet.
                space = true;
                if (c == '\n') lineStart = true;
                continue;
            }
            // Markdown's emphasis, code and quote/heading marks are markup, not words: a snippet reads better without them.
            if (c == '*' || c == '`' || (lineStart && (c == '>' || c == '#'))) continue;
            lineStart = false;
            if (space && !out.isEmpty()) out.append(' ');
            space = false;
            switch (c) {
                case OPEN -> { if (!open) { out.append("<mark>"); open = true; } }
                case CLOSE -> { if (open) { out.append("</mark>"); open = false; } }
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        if (open) out.append("</mark>");
        return out.toString();
    }

    /** The snippet as plain text, marks removed, for places that take no HTML. */
    public static String text(String marked) {
        if (marked == null) return "";
        return marked.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "").replaceAll("\\s+", " ").strip();
    }
}
