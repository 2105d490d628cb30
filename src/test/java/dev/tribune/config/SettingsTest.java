package dev.tribune.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    static Settings env(Map<String, String> env) {
        return Settings.resolve(env, null, null, null, null, null, null);
    }

    @Test
    void defaultsWhenNothingIsSet() {
        Settings s = env(Map.of());
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.database()).isEqualTo("sqlite:tribune.db");
        assertThat(s.secureCookies()).isFalse();
    }

    @Test
    void newsroomModelsLiveBesideTheSqliteFileUnlessTribuneModelsSaysElsewhere() {
        assertThat(env(Map.of("TRIBUNE_DATABASE", "sqlite:/srv/news/tribune.db")).modelsFolder())
                .isEqualTo(java.nio.file.Path.of("/srv/news/models"));
        assertThat(env(Map.of("TRIBUNE_DATABASE", "sqlite:/srv/news/tribune.db", "TRIBUNE_MODELS", "/var/lib/models")).modelsFolder())
                .isEqualTo(java.nio.file.Path.of("/var/lib/models"));
        assertThat(env(Map.of("TRIBUNE_DATABASE", "postgresql://db:5432/news")).modelsFolder())
                .isEqualTo(java.nio.file.Path.of("models").toAbsolutePath());
        assertThat(env(Map.of()).agreementDecisions()).isEqualTo(200);
        assertThat(env(Map.of("TRIBUNE_AGREEMENT_DECISIONS", "50")).agreementDecisions()).isEqualTo(50);
        assertThatThrownBy(() -> env(Map.of("TRIBUNE_AGREEMENT_DECISIONS", "0"))).hasMessageContaining("TRIBUNE_AGREEMENT_DECISIONS");
        assertThatThrownBy(() -> env(Map.of("TRIBUNE_AGREEMENT_DECISIONS", "many"))).hasMessageContaining("TRIBUNE_AGREEMENT_DECISIONS");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        Settings s = Settings.resolve(Map.of("TRIBUNE_PORT", "9000", "TRIBUNE_DATABASE", "sqlite:a.db"), 9100, null, "sqlite:b.db",
                "https://c.example.org/", null, "10.0.0.0/8, 127.0.0.1");
        assertThat(s.port()).isEqualTo(9100);
        assertThat(s.database()).isEqualTo("sqlite:b.db");
        assertThat(s.baseUrl()).isEqualTo("https://c.example.org");
        assertThat(s.secureCookies()).isTrue();
        assertThat(s.trustedProxies()).containsExactly("10.0.0.0/8", "127.0.0.1");
    }

    @Test
    void eachBadSettingStopsWithOneLineNamingIt() {
        assertThatThrownBy(() -> env(Map.of("TRIBUNE_PORT", "eighty"))).hasMessageContaining("TRIBUNE_PORT").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> env(Map.of("TRIBUNE_PORT", "70000"))).hasMessageContaining("TRIBUNE_PORT");
        assertThatThrownBy(() -> env(Map.of("TRIBUNE_DATABASE", "mysql://x"))).hasMessageContaining("TRIBUNE_DATABASE");
        assertThatThrownBy(() -> env(Map.of("TRIBUNE_BASE_URL", "ftp://x"))).hasMessageContaining("TRIBUNE_BASE_URL");
        assertThatThrownBy(() -> env(Map.of("TRIBUNE_SECRET", "short"))).hasMessageContaining("TRIBUNE_SECRET");
        assertThatThrownBy(() -> env(Map.of("TRIBUNE_TRUSTED_PROXIES", "proxy.example.org"))).hasMessageContaining("TRIBUNE_TRUSTED_PROXIES");
        assertThatThrownBy(() -> env(Map.of("TRIBUNE_BIND", "no such host.invalid"))).hasMessageContaining("TRIBUNE_BIND");
    }
}
