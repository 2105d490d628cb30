package dev.tribune.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        ClientAddress a = new ClientAddress(List.of("127.0.0.1", "10.0.0.0/8"));
        assertThat(a.resolve("127.0.0.1", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(a.resolve("10.1.2.3", "198.51.100.1, 203.0.113.9, 10.0.0.5")).isEqualTo("203.0.113.9");
        assertThat(a.resolve("192.0.2.7", "203.0.113.9")).isEqualTo("192.0.2.7");
        assertThat(new ClientAddress(List.of()).resolve("127.0.0.1", "203.0.113.9")).isEqualTo("127.0.0.1");
    }
}
