package dev.tribune.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaffOnlyTest {
    @Test
    void onlyPathsOnThisSiteAreKeptAsWhereToGoBack() {
        assertThat(StaffOnly.localPath("/admin/comments?status=pending", "/admin")).isEqualTo("/admin/comments?status=pending");
        assertThat(StaffOnly.localPath("/articles/harbour-story#comments", "/admin")).isEqualTo("/articles/harbour-story#comments");
        for (String away : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "/admin\r\nSet-Cookie: x=y", "/admin\tx", "", "admin", "/a\\b"}) {
            assertThat(StaffOnly.localPath(away, "/admin")).as(away).isEqualTo("/admin");
        }
        assertThat(StaffOnly.localPath(null, "/fallback")).isEqualTo("/fallback");
    }
}
