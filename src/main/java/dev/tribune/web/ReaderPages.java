package dev.tribune.web;

import dev.tribune.discussion.ReaderComments;
import dev.tribune.domain.Reader;
import dev.tribune.domain.Refusal;
import dev.tribune.identity.ReaderMail;
import dev.tribune.identity.Readers;
import dev.tribune.identity.SignedLinks;
import dev.tribune.identity.SiteSignOn;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reader's account pages (plain forms, no JavaScript needed): sign up, confirm the address,
 * sign in with a password or an emailed link, reset the password, edit the profile, sign out
 * (here or everywhere), and each reader's public page.
 */
public final class ReaderPages implements HttpService {
    private static final String SENT = "If that address has an account here, an email is on its way. It may take a minute.";

    private final Readers readers;
    private final ReaderMail mail;
    private final SignedLinks links;
    private final SiteSignOn signOn;
    private final ReaderComments comments;
    private final ReaderAccess access;
    private final Visitors visitors;
    private final Templates templates;

    public ReaderPages(Readers readers, ReaderMail mail, SignedLinks links, SiteSignOn signOn, ReaderComments comments, ReaderAccess access,
                Visitors visitors, Templates templates) {
        this.readers = readers;
        this.mail = mail;
        this.links = links;
        this.signOn = signOn;
        this.comments = comments;
        this.access = access;
        this.visitors = visitors;
        this.templates = templates;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/account/sign-in", (req, res) -> show(res, signInForm(visitors.of(req), "", next(req))))
                .post("/account/sign-in", this::signIn)
                .get("/account/magic-link", (req, res) -> show(res, magicLinkForm(visitors.of(req), "")))
                .post("/account/magic-link", this::sendMagicLink)
                .get("/account/magic", this::magicForm)
                .post("/account/magic", this::magic)
                .get("/account/sign-up", (req, res) -> show(res, signUpForm(visitors.of(req), "", "", next(req))))
                .post("/account/sign-up", this::signUp)
                .get("/account/verify", this::verify)
                .get("/account/reset", (req, res) -> show(res, resetRequestForm(visitors.of(req), "")))
                .post("/account/reset", this::sendReset)
                .get("/account/reset/confirm", (req, res) -> show(res, resetForm(visitors.of(req), Responses.query(req, "token"))))
                .post("/account/reset/confirm", this::reset)
                .get("/account", this::account)
                .post("/account", this::saveProfile)
                .post("/account/sign-out", this::signOut)
                .post("/account/sign-out-everywhere", this::signOutEverywhere)
                .get("/readers/{key}", this::readerPage);
    }

    private ReaderForm signInForm(Visitor v, String email, String next) {
        ReaderForm f = ReaderForm.of(v.site(), "Sign in", "Sign in to comment on " + v.site().name() + " under your own name.",
                "/account/sign-in", "Sign in")
                .field("email", "Email", "email", email, "username")
                .field("password", "Password", "password", "", "current-password")
                .withNext(next);
        for (SiteSignOn.Provider p : signOn.providers(v.site().id())) {
            f.link("/account/providers/" + p.name() + "/start?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8),
                    "Sign in with " + p.label());
        }
        return f.link("/account/magic-link", "Sign in without a password: get a link by email")
                .link("/account/sign-up", "Create an account")
                .link("/account/reset", "Forgot your password? Choose a new one");
    }

    private ReaderForm magicLinkForm(Visitor v, String email) {
        return ReaderForm.of(v.site(), "Sign in with a link", "We will email you a link that signs you in once.",
                        "/account/magic-link", "Email me a sign-in link")
                .field("email", "Email", "email", email, "email")
                .link("/account/sign-in", "Back to sign-in");
    }

    private ReaderForm signUpForm(Visitor v, String email, String name, String next) {
        return ReaderForm.of(v.site(), "Create an account", "We will email you a link to confirm your address.", "/account/sign-up",
                        "Create account")
                .field("email", "Email", "email", email, "email")
                .field("displayName", "Display name (shown with your comments)", "text", name, "nickname")
                .field("password", "Password (at least 10 characters)", "password", "", "new-password")
                .withNext(next)
                .link("/account/sign-in", "Already have an account? Sign in");
    }

    private ReaderForm resetRequestForm(Visitor v, String email) {
        return ReaderForm.of(v.site(), "Choose a new password", "We will email you a link to choose a new password.",
                        "/account/reset", "Email me a link")
                .field("email", "Email", "email", email, "email")
                .link("/account/sign-in", "Back to sign-in");
    }

    private ReaderForm resetForm(Visitor v, String token) {
        return ReaderForm.of(v.site(), "Choose a new password", null, "/account/reset/confirm", "Save password and sign in")
                .field("token", "", "hidden", token, "off")
                .field("password", "New password (at least 10 characters)", "password", "", "new-password");
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req).signedOut();
        Map<String, String> f = Forms.parse(req);
        String email = f.getOrDefault("email", "").strip();
        String next = StaffOnly.localPath(f.get("next"), "/account");
        ReaderForm form = signInForm(v, email, next);
        refusedInPlace(res, form, () -> {
            visitors.checkCsrf(req, v, null);
            Reader r = ReaderApi.passwordSignIn(readers, access, res, v, email, f.getOrDefault("password", ""));
            access.signIn(req, res, r, "password");
            Responses.redirect(res, next);
            return null;
        });
    }

    private void sendMagicLink(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req).signedOut();
        Map<String, String> f = Forms.parse(req);
        String email = f.getOrDefault("email", "").strip();
        ReaderForm form = magicLinkForm(v, email);
        refusedInPlace(res, form, () -> {
            visitors.checkCsrf(req, v, null);
            return emailLink(req, res, v, email, true, form);
        });
    }

    /** Sends a sign-in (or reset) link when the address has an account; the answer is the same either way. */
    private ReaderForm emailLink(ServerRequest req, ServerResponse res, Visitor v, String email, boolean signIn, ReaderForm form) {
        if (email.isEmpty()) throw Refusal.invalid("email", "Please give your email address.");
        access.countEmail(res, v, email);
        Optional<Reader> r = readers.byEmail(v.site().id(), email);
        if (r.isPresent()) {
            if (signIn) mail.signInLink(v.site(), r.get(), access.origin(req, v.site()));
            else mail.resetLink(v.site(), r.get(), access.origin(req, v.site()));
        }
        return form.withNote(SENT);
    }

    private void magicForm(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        // Following the link only shows a button: mail scanners that open links must not use up the one sign-in.
        show(res, ReaderForm.of(v.site(), "Sign in to " + v.site().name(), null, "/account/magic", "Sign in")
                .field("token", "", "hidden", Responses.query(req, "token"), "off"));
    }

    private void magic(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req).signedOut();
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, null);
        Reader r = redeem(SignedLinks.Purpose.SIGN_IN, f.get("token"), v);
        readers.markVerified(r.id());
        access.signIn(req, res, readers.byId(r.id()).orElseThrow(), "link");
        Responses.redirect(res, "/account");
    }

    private void signUp(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req).signedOut();
        Map<String, String> f = Forms.parse(req);
        String email = f.getOrDefault("email", "").strip();
        String name = f.getOrDefault("displayName", "");
        String next = StaffOnly.localPath(f.get("next"), "/account");
        refusedInPlace(res, signUpForm(v, email, name, next), () -> {
            visitors.checkCsrf(req, v, null);
            access.countEmail(res, v, email);
            Reader r = readers.signUp(v.site().id(), email, f.getOrDefault("password", ""), name);
            mail.verifyAddress(v.site(), r, access.origin(req, v.site()));
            return ReaderForm.of(v.site(), "Check your email", "We sent a link to " + r.email()
                    + ". Open it to confirm your address, then sign in.", null, null).link("/account/sign-in?next=" + next, "Sign in");
        });
    }

    private void verify(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Reader r = redeem(SignedLinks.Purpose.VERIFY, Responses.query(req, "token"), v);
        readers.markVerified(r.id());
        show(res, ReaderForm.of(v.site(), "Address confirmed", "Thank you, " + r.displayName() + ": your address "
                + r.email() + " is confirmed.", null, null).link(v.reader() != null ? "/account" : "/account/sign-in", "Continue"));
    }

    private void sendReset(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req).signedOut();
        Map<String, String> f = Forms.parse(req);
        String email = f.getOrDefault("email", "").strip();
        ReaderForm form = resetRequestForm(v, email);
        refusedInPlace(res, form, () -> {
            visitors.checkCsrf(req, v, null);
            return emailLink(req, res, v, email, false, form);
        });
    }

    private void reset(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req).signedOut();
        Map<String, String> f = Forms.parse(req);
        String token = f.get("token");
        refusedInPlace(res, resetForm(v, token), () -> {
            visitors.checkCsrf(req, v, null);
            String password = f.getOrDefault("password", "");
            if (password.length() < dev.tribune.identity.Accounts.MIN_PASSWORD) {
                throw Refusal.invalid("password", "A password needs at least " + dev.tribune.identity.Accounts.MIN_PASSWORD + " characters.");
            }
            Reader r = redeem(SignedLinks.Purpose.RESET, token, v);
            readers.resetPassword(r.id(), password);
            // A new password ends every other session: whoever knew the old one is out.
            access.sessions.endAll(r.id());
            access.signIn(req, res, readers.byId(r.id()).orElseThrow(), "reset");
            Responses.redirect(res, "/account");
            return null;
        });
    }

    private void account(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        if (v.reader() == null) {
            Responses.redirect(res, "/account/sign-in?next=/account");
            return;
        }
        show(res, profileForm(v, v.reader().reader()));
    }

    private ReaderForm profileForm(Visitor v, Reader r) {
        ReaderForm f = ReaderForm.of(v.site(), "Your account", "Signed in as " + r.email()
                        + (r.emailVerified() ? "" : " (address not yet confirmed)") + ".", "/account", "Save profile")
                .field("displayName", "Display name", "text", r.displayName(), "nickname")
                .field("handle", "Handle (your page's address: /readers/handle)", "text", r.handle(), "off")
                .field("avatarUrl", "Picture (an https:// address)", "url", r.avatarUrl(), "photo")
                .field("bio", "About you", "textarea", r.bio(), "off")
                .withCsrf(v.csrfToken())
                .button("/account/sign-out", "Sign out")
                .button("/account/sign-out-everywhere", "Sign out everywhere")
                .link(r.pagePath(), "Your public page");
        return f;
    }

    private void saveProfile(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        if (v.reader() == null) throw new Refusal(401, "sign-in-required", "Please sign in first.");
        Map<String, String> f = Forms.parse(req);
        Reader r = v.reader().reader();
        Reader typed = new Reader(r.id(), r.siteId(), r.email(), f.getOrDefault("displayName", ""), r.role(), f.get("handle"),
                f.get("avatarUrl"), f.getOrDefault("bio", ""), r.badges(), r.emailVerified());
        refusedInPlace(res, profileForm(v, typed), () -> {
            visitors.checkCsrf(req, v, f.get("csrf"));
            Reader saved = readers.updateProfile(r.id(), new Readers.Profile(typed.displayName(), typed.handle(), typed.avatarUrl(), typed.bio()));
            return profileForm(v, saved).withNote("Your profile is saved.");
        });
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Map<String, String> f = Forms.parse(req);
        if (v.reader() != null) {
            visitors.checkCsrf(req, v, f.get("csrf"));
            access.sessions.end(Responses.cookie(req, Visitors.READER_COOKIE));
        }
        access.clearCookie(res);
        Responses.redirect(res, "/account/sign-in");
    }

    private void signOutEverywhere(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Map<String, String> f = Forms.parse(req);
        if (v.reader() == null) throw new Refusal(401, "sign-in-required", "Please sign in first.");
        visitors.checkCsrf(req, v, f.get("csrf"));
        access.sessions.endAll(v.reader().reader().id());
        access.clearCookie(res);
        Responses.redirect(res, "/account/sign-in");
    }

    private void readerPage(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Reader r = readers.byIdOrHandle(v.site().id(), req.path().pathParameters().get("key"))
                .orElseThrow(() -> Refusal.notFound("There is no such reader on " + v.site().name() + "."));
        res.header(io.helidon.http.HeaderNames.CACHE_CONTROL, "public, max-age=30");
        Responses.html(res, 200, templates.render("reader/profile.jte", Map.of("site", v.site(), "reader", r,
                "comments", comments.published(v.site().id(), r.id()))));
    }

    /** The reader a link's token names, on this site. */
    private Reader redeem(SignedLinks.Purpose purpose, String token, Visitor v) {
        long id = links.redeem(purpose, token);
        return readers.byId(id).filter(r -> r.siteId() == v.site().id())
                .orElseThrow(() -> new Refusal(400, "invalid-link", "This link is not for this site."));
    }

    /** Runs a form's action; a page to show comes back, a redirect answers by itself (null); a refusal shows the form again with the message. */
    private void refusedInPlace(ServerResponse res, ReaderForm form, Supplier<ReaderForm> action) {
        ReaderForm shown;
        int status = 200;
        try {
            shown = action.get();
            if (shown == null) return;
        } catch (Refusal r) {
            shown = form.withError(r.detail(), r.fields());
            status = r.status();
        }
        Responses.noStore(res);
        Responses.html(res, status, templates.render("reader/form.jte", Map.of("form", shown)));
    }

    private void show(ServerResponse res, ReaderForm form) {
        Responses.noStore(res);
        Responses.html(res, 200, templates.render("reader/form.jte", Map.of("form", form)));
    }

    private static String next(ServerRequest req) {
        return StaffOnly.localPath(Responses.query(req, "next"), "/account");
    }
}
