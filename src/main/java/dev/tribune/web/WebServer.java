package dev.tribune.web;

import dev.tribune.domain.Refusal;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;

import java.util.List;

/** The HTTP server: every area of the site registered on one routing, with one error policy. */
public final class WebServer implements AutoCloseable {
    private final io.helidon.webserver.WebServer server;

    public WebServer(String bind, int port, Problems problems, List<HttpService> areas) {
        HttpRouting.Builder routing = HttpRouting.builder();
        routing.register("/static", new StaticFiles());
        for (HttpService area : areas) routing.register(area);
        routing.error(Refusal.class, problems::refused);
        routing.error(Exception.class, problems::failed);
        this.server = io.helidon.webserver.WebServer.builder()
                .host(bind)
                .port(port)
                // A page is written in more than one segment; with Nagle's algorithm on, the last one
                // waits for the client's delayed ACK (~40 ms per response on loopback).
                .connectionOptions(o -> o.tcpNoDelay(true))
                // Blocking sockets: a response leaves in one write (the NIO socket writes 8 KB at a time).
                .useNio(false)
                .routing(routing)
                .build();
    }

    public WebServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
