package dev.tribune.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCacheTest {
    @Test
    void ifNoneMatchMatchesWeakStrongListsAndStar() {
        String etag = new ThreadCache.Key(3, 7, "oldest", null, 50, "html").etag();
        assertThat(etag).startsWith("W/\"3-7-");
        assertThat(ThreadCache.matches(etag, etag)).isTrue();
        assertThat(ThreadCache.matches(etag.substring(2), etag)).isTrue();
        assertThat(ThreadCache.matches("\"x\", " + etag, etag)).isTrue();
        assertThat(ThreadCache.matches("*", etag)).isTrue();
        assertThat(ThreadCache.matches(new ThreadCache.Key(3, 8, "oldest", null, 50, "html").etag(), etag)).isFalse();
        assertThat(ThreadCache.matches(new ThreadCache.Key(3, 7, "newest", null, 50, "html").etag(), etag)).isFalse();
        assertThat(ThreadCache.matches(null, etag)).isFalse();
    }

    @Test
    void gzipIsAcceptedUnlessRefusedWithQZero() {
        assertThat(ThreadCache.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(ThreadCache.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(ThreadCache.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(ThreadCache.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(ThreadCache.acceptsGzip("identity")).isFalse();
        assertThat(ThreadCache.acceptsGzip(null)).isFalse();
    }
}
