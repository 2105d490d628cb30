package dev.tribune.web;

import dev.tribune.identity.Accounts;
import dev.tribune.identity.StaffSessions;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** Staff sign-in and sign-out. */
public final class StaffPages implements HttpService {
    private final Accounts accounts;
    private final StaffSessions sessions;
    private final Visitors visitors;
    private final Templates templates;
    private final boolean secureCookies;

    public StaffPages(Accounts accounts, StaffSessions sessions, Visitors visitors, Templates templates, boolean secureCookies) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.visitors = visitors;
        this.templates = templates;
        this.secureCookies = secureCookies;
    }

    @Override
    public void routing(HttpRules rules) {
    }
}
