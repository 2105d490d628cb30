package dev.tribune.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

import java.util.Map;

/** Renders the precompiled JTE templates (HTML-escaped by default) to UTF-8 bytes. */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public byte[] render(String template, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, params, out);
        return out.toByteArray();
    }

    public byte[] render(String template, String name, Object param) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, Map.of(name, param), out);
        return out.toByteArray();
    }
}
