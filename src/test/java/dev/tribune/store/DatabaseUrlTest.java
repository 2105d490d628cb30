package dev.tribune.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUrlTest {
    @Test
    void postgresqlUrlsBecomeJdbcUrlsWithTheirUserPasswordAndParameters() {
        assertThat(Database.postgresJdbcUrl("postgresql://postgres@127.0.0.1:5432/test"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(Database.postgresJdbcUrl("postgres://tribune:s3cret@db.internal/tribune?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db.internal/tribune?sslmode=require&user=tribune&password=s3cret");
        assertThat(Database.postgresJdbcUrl("jdbc:postgresql://h/db?user=u")).isEqualTo("jdbc:postgresql://h/db?user=u");
    }

    @Test
    void aPasswordWithUrlCharactersReachesTheDriverEncoded() {
        // p&w=d written percent-encoded in the URL, as URLs require
        assertThat(Database.postgresJdbcUrl("postgresql://u:p%26w%3Dd@h:5432/db"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=p%26w%3Dd");
    }
}
