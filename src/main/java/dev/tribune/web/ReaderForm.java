package dev.tribune.web;

import dev.tribune.domain.Site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the reader's account pages (sign in, sign up, reset, profile) as a form: fields keep
 * what was typed and carry their own messages; buttons are extra one-click forms (sign out).
 */
public record ReaderForm(Site site, String title, String intro, String action, String submit, String csrf, String next,
                         List<Field> fields, String error, String note, List<Link> links, List<Button> buttons) {

    /** An input; type is text, email, password, url or textarea. */
    public record Field(String name, String label, String type, String value, String error, String autocomplete) {}

    public record Link(String href, String text) {}

    /** A separate one-button form posting to action (with the CSRF token). */
    public record Button(String action, String label) {}

    static ReaderForm of(Site site, String title, String intro, String action, String submit) {
        return new ReaderForm(site, title, intro, action, submit, "", "", new ArrayList<>(), null, null, new ArrayList<>(), new ArrayList<>());
    }

    ReaderForm field(String name, String label, String type, String value, String autocomplete) {
        fields.add(new Field(name, label, type, value == null ? "" : value, null, autocomplete));
        return this;
    }

    ReaderForm link(String href, String text) {
        links.add(new Link(href, text));
        return this;
    }

    ReaderForm button(String action, String label) {
        buttons.add(new Button(action, label));
        return this;
    }

    ReaderForm withCsrf(String token) {
        return new ReaderForm(site, title, intro, action, submit, token, next, fields, error, note, links, buttons);
    }

    ReaderForm withNext(String path) {
        return new ReaderForm(site, title, intro, action, submit, csrf, path, fields, error, note, links, buttons);
    }

    ReaderForm withNote(String text) {
        return new ReaderForm(site, title, intro, action, submit, csrf, next, fields, error, text, links, buttons);
    }

    /** The form again with a refusal's message on top and per-field messages beside the fields. */
    ReaderForm withError(String message, Map<String, String> perField) {
        List<Field> marked = fields.stream().map(f -> new Field(f.name(), f.label(), f.type(),
                f.type().equals("password") ? "" : f.value(), perField.get(f.name()), f.autocomplete())).toList();
        return new ReaderForm(site, title, intro, action, submit, csrf, next, new ArrayList<>(marked), message, note, links, buttons);
    }
}
