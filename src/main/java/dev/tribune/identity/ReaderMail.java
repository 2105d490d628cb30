package dev.tribune.identity;

import dev.tribune.domain.Reader;
import dev.tribune.domain.Site;
import dev.tribune.notify.Mailer;

/** The emails a reader gets about their account, each with a signed link back to the site. */
public final class ReaderMail {
    private final Mailer mailer;
    private final SignedLinks links;

    public ReaderMail(Mailer mailer, SignedLinks links) {
        this.mailer = mailer;
        this.links = links;
    }

    /** origin is the site's address as readers reach it, e.g. https://news.example.org. */
    public void verifyAddress(Site site, Reader r, String origin) {
        String link = origin + "/account/verify?token=" + links.issue(SignedLinks.Purpose.VERIFY, r.id());
        mailer.send(r.email(), "Confirm your email address for " + site.name(),
                "Hello " + r.displayName() + ",\n\nPlease confirm that this is your address by opening this link:\n\n" + link
                        + "\n\nThe link works for " + SignedLinks.Purpose.VERIFY.lifetime().toDays() + " days. "
                        + "If you did not sign up at " + site.name() + ", ignore this email.\n");
    }

    public void signInLink(Site site, Reader r, String origin) {
        String link = origin + "/account/magic?token=" + links.issue(SignedLinks.Purpose.SIGN_IN, r.id());
        mailer.send(r.email(), "Your sign-in link for " + site.name(),
                "Hello " + r.displayName() + ",\n\nOpen this link to sign in to " + site.name() + ":\n\n" + link
                        + "\n\nIt works once, within " + SignedLinks.Purpose.SIGN_IN.lifetime().toMinutes() + " minutes. "
                        + "If you did not ask for it, ignore this email.\n");
    }

    public void resetLink(Site site, Reader r, String origin) {
        String link = origin + "/account/reset/confirm?token=" + links.issue(SignedLinks.Purpose.RESET, r.id());
        mailer.send(r.email(), "Choose a new password for " + site.name(),
                "Hello " + r.displayName() + ",\n\nOpen this link to choose a new password:\n\n" + link
                        + "\n\nIt works once, within " + SignedLinks.Purpose.RESET.lifetime().toMinutes() + " minutes. "
                        + "If you did not ask for it, ignore this email: your password stays as it is.\n");
    }
}
