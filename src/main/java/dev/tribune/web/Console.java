package dev.tribune.web;

import dev.tribune.domain.Account;
import dev.tribune.domain.Site;

/**
 * The frame around every admin page: the site, who is signed in (null on the sign-in page),
 * the CSRF token their forms echo, and which section of the console is open.
 */
public record Console(Site site, Account account, String csrf, String section) {

    static Console of(Visitor v, String section) {
        return v.staff() == null ? new Console(v.site(), null, "", section)
                : new Console(v.site(), v.staff().account(), v.staff().csrfToken(), section);
    }

    public boolean signedIn() { return account != null; }

    public boolean canEditArticles() { return account != null && account.role().canEditArticles(); }

    public boolean canModerate() { return account != null && account.role().canModerate(); }

    public boolean isAdmin() { return account != null && account.role() == dev.tribune.domain.Role.ADMIN; }
}
