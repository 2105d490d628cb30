package dev.tribune.web;

import dev.tribune.domain.Refusal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes request bodies strictly: invalid UTF-8 is refused with a message, never turned into '?'. */
public final class Forms {
    /** Largest body we read; comments are far smaller, this leaves room for articles. */
    public static final int MAX_BODY_BYTES = 1_000_000;

    private Forms() {}

    public static String utf8(byte[] bytes) {
        if (bytes.length > MAX_BODY_BYTES) {
            throw new Refusal(413, "too-large", "The request is larger than " + MAX_BODY_BYTES / 1000 + " kB.");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(400, "invalid-encoding", "The text sent is not valid UTF-8; please send it again as UTF-8.");
        }
    }

    /**
     * The form a request carries. A form with no fields (a delete button) arrives with no body at
     * all, which Helidon reports as "no entity"; that is an empty form, not a failure.
     */
    public static Map<String, String> read(io.helidon.webserver.http.ServerRequest req) {
        return parse(req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0]);
    }

    /** Parses application/x-www-form-urlencoded; the last value of a repeated name wins. */
    public static Map<String, String> parse(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.length > MAX_BODY_BYTES) utf8(body);
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    int eq = start;
                    while (eq < i && body[eq] != '=') eq++;
                    String name = decode(body, start, eq);
                    String value = eq < i ? decode(body, eq + 1, i) : "";
                    out.put(name, value);
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static String decode(byte[] b, int from, int to) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '+') {
                raw.write(' ');
            } else if (c == '%' && i + 2 < to) {
                int hi = Character.digit(b[i + 1], 16);
                int lo = Character.digit(b[i + 2], 16);
                if (hi < 0 || lo < 0) throw new Refusal(400, "invalid-form", "The form data is malformed (a bad % escape).");
                raw.write(hi * 16 + lo);
                i += 2;
            } else if (c == '%') {
                throw new Refusal(400, "invalid-form", "The form data is malformed (a bad % escape).");
            } else {
                raw.write(c);
            }
        }
        return utf8(raw.toByteArray()).replace("\r\n", "\n");
    }
}
