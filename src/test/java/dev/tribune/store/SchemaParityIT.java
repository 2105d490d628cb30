package dev.tribune.store;

import dev.tribune.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** db/sqlite and db/postgresql must build the same schema: same tables, columns, keys and indexes. */
class SchemaParityIT {

    @Test
    void bothMigrationFoldersGiveTheSameTablesColumnsKeysAndIndexes() {
        try (TestDatabase.Fresh sqliteFile = TestDatabase.SQLITE.fresh(); TestDatabase.Fresh pgDatabase = TestDatabase.POSTGRESQL.fresh();
             Database sqlite = Database.open(sqliteFile.url()); Database pg = Database.open(pgDatabase.url())) {
            Catalog s = sqlite.catalog();
            Catalog p = pg.catalog();

            assertThat(p.tables().keySet()).containsExactlyElementsOf(s.tables().keySet());
            for (String table : s.tables().keySet()) {
                assertThat(p.tables().get(table)).as(table).isEqualTo(s.tables().get(table));
            }
            // The catalog reads what matters, so a difference there would show.
            Catalog.Table comment = s.tables().get("comment");
            assertThat(comment.primaryKey()).containsExactly("id");
            assertThat(comment.selfReferences()).containsExactly(new Catalog.ForeignKey(List.of("parent_id"), "comment", List.of("id")));
            assertThat(comment.indexes()).containsKeys("comment_thread", "comment_root", "comment_best", "comment_recent", "comment_top_level");
            assertThat(s.tables().get("discussion").uniqueKeys()).contains(List.of("site_id", "page_key"), List.of("article_id"));
            assertThat(s.tables().get("vote").primaryKey()).containsExactly("comment_id", "voter_key");
            assertThat(s.tables().get("vote").column("value")).isEqualTo(new Catalog.Column("value", "integer", true));
            assertThat(s.dependencyOrder()).containsSubsequence("site", "author", "article", "discussion", "comment", "vote");

            pg.update(h -> h.execute("create index site_by_name on site (name)"));
            assertThat(pg.catalog().tables().get("site")).isNotEqualTo(s.tables().get("site"));
        }
    }
}
