package dev.tribune.store;

import dev.tribune.TestDatabase;
import dev.tribune.domain.Commenters;
import dev.tribune.publishing.Sites;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V8 folds the two old commenting settings into site.commenting and each site keeps what it
 * allowed: guests switched off on an "anyone" site becomes signed-in readers only.
 */
class CommentingMigrationIT {

    @Test
    void eachSiteKeepsWhoMayCommentOnBothDatabases() throws Exception {
        for (TestDatabase kind : TestDatabase.selected()) {
            try (TestDatabase.Fresh fresh = kind.fresh()) {
                String jdbc = kind == TestDatabase.SQLITE ? "jdbc:" + fresh.url() : Database.postgresJdbcUrl(fresh.url());
                String folder = kind == TestDatabase.SQLITE ? "db/sqlite" : "db/postgresql";
                FluentConfiguration flyway = Flyway.configure().dataSource(jdbc, null, null).locations("classpath:" + folder);
                flyway.target("7").load().migrate();
                try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
                    // host, settings JSON, site_sign_on.commenters (null: no row)
                    String[][] sites = {
                            {"open.test", "{}", null},
                            {"guests-off.test", "{\"guestCommenting\":false}", null},
                            {"guests-off-accounts.test", "{\"guestCommenting\":false}", "accounts"},
                            {"guests-on-subscribers.test", "{\"guestCommenting\":true}", "subscribers"},
                            {"guests-off-subscribers.test", "{\"theme\":\"dark\",\"guestCommenting\":false}", "subscribers"},
                            {"accounts.test", "{}", "accounts"},
                    };
                    int id = 0;
                    for (String[] site : sites) {
                        id++;
                        s.executeUpdate("insert into site (id, host, name, settings, created_at) values (" + id + ", '" + site[0]
                                + "', 'Site " + id + "', '" + site[1] + "', 0)");
                        if (site[2] != null) {
                            s.executeUpdate("insert into site_sign_on (site_id, commenters, updated_at) values (" + id + ", '" + site[2] + "', 0)");
                        }
                    }
                }
                flyway.target("latest").load().migrate();
                try (Database db = Database.open(fresh.url())) {
                    Sites sites = new Sites(db, () -> { });
                    assertThat(sites.byExactHost("open.test").orElseThrow().commenting()).isEqualTo(Commenters.ANYONE);
                    assertThat(sites.byExactHost("guests-off.test").orElseThrow().commenting()).isEqualTo(Commenters.ACCOUNTS);
                    assertThat(sites.byExactHost("guests-off-accounts.test").orElseThrow().commenting()).isEqualTo(Commenters.ACCOUNTS);
                    assertThat(sites.byExactHost("guests-on-subscribers.test").orElseThrow().commenting()).isEqualTo(Commenters.SUBSCRIBERS);
                    assertThat(sites.byExactHost("guests-off-subscribers.test").orElseThrow().commenting()).isEqualTo(Commenters.SUBSCRIBERS);
                    assertThat(sites.byExactHost("accounts.test").orElseThrow().commenting()).isEqualTo(Commenters.ACCOUNTS);
                    assertThat(db.catalog().tables().get("site_sign_on").column("commenters")).as(kind + ": old column gone").isNull();
                }
            }
        }
    }
}
