package dev.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.tribune.TestTribune;
import dev.tribune.Tribune;
import dev.tribune.identity.SiteSignOn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSO tokens signed with the host site's own private key (RS256, ES256): the keys are made here,
 * the public half registered with `tribune site sso-key` (PEM) or published as a JWKS on loopback,
 * and every kind of bad token is refused with a problem+json that says why.
 */
class SsoKeysIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ISSUER = "https://news.test.org";
    static TestTribune t;
    static RSAKey rsa;
    static RSAKey stranger;
    static ECKey ec;
    static HttpServer jwks;

    @BeforeAll
    static void start() throws Exception {
        t = TestTribune.start();
        rsa = new RSAKeyGenerator(2048).generate();
        stranger = new RSAKeyGenerator(2048).generate();
        ec = new ECKeyGenerator(Curve.P_256).generate();
        byte[] published = new JWKSet(java.util.List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", x -> {
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, published.length);
            x.getResponseBody().write(published);
            x.close();
        });
        jwks.start();
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
        t.close();
    }

    static String pem(AsymmetricJWK key) throws Exception {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.toPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** Registers a public key the way an operator does: ./tribune site sso-key --site … --pem FILE --issuer …. */
    static void registerWithCli(AsymmetricJWK key) throws Exception {
        Path file = Files.createTempFile("sso-key", ".pem");
        Files.writeString(file, pem(key));
        int code = new CommandLine(new Tribune()).execute("site", "sso-key", "--database", t.app.settings.database(),
                "--site", "localhost", "--pem", file.toString(), "--issuer", ISSUER);
        assertThat(code).isZero();
    }

    static JWTClaimsSet.Builder claims(String sub) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(sub).audience("localhost").issuer(ISSUER).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).claim("email", sub + "@keys.test.org").claim("name", "Kim " + sub)
                .claim("role", "subscriber");
    }

    static String sign(JWSAlgorithm alg, JWSSigner signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
        return sign(JWSAlgorithm.RS256, new RSASSASigner(key), claims);
    }

    static String es256(JWTClaimsSet claims) throws Exception {
        return sign(JWSAlgorithm.ES256, new ECDSASigner(ec), claims);
    }

    static HttpResponse<String> exchange(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + t.port + "/api/v1/sso/session"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode signedIn(String token) throws Exception {
        HttpResponse<String> r = exchange(token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("reader");
    }

    /** Refused with 401 invalid-sso-token as problem+json whose detail says why; no account is made. */
    static void refused(String token, String because) throws Exception {
        HttpResponse<String> r = exchange(token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.path("type").asText()).endsWith("/invalid-sso-token");
        assertThat(p.path("detail").asText()).contains(because);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tribune_reader="));
    }

    @Test
    void tokensSignedWithTheSitesOwnKeysSignInAndBadOnesAreRefused() throws Exception {
        // A file that holds no public key is refused when it is registered, not when readers sign in.
        Path junk = Files.createTempFile("not-a-key", ".pem");
        Files.writeString(junk, "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n");
        assertThat(new CommandLine(new Tribune()).execute("site", "sso-key", "--database", t.app.settings.database(),
                "--site", "localhost", "--pem", junk.toString())).isNotZero();
        assertThat(t.app.signOn.ssoKeys(t.site.id()).publicKeyPem()).isNull();

        // RS256 with the key registered as PEM through the CLI.
        registerWithCli(rsa);
        JsonNode kim = signedIn(rs256(rsa, claims("rsa-1").build()));
        assertThat(kim.path("displayName").asText()).isEqualTo("Kim rsa-1");
        assertThat(kim.path("role").asText()).isEqualTo("subscriber");

        Instant now = Instant.now();
        refused(rs256(stranger, claims("bad-1").build()), "signature does not match");
        refused(rs256(rsa, claims("bad-2").issueTime(Date.from(now.minusSeconds(900))).expirationTime(Date.from(now.minusSeconds(300))).build()),
                "xpired");
        refused(rs256(rsa, claims("bad-3").audience("news.elsewhere.org").build()), "aud");
        refused(rs256(rsa, claims("bad-4").issuer("https://impostor.test.org").build()), "iss");
        refused(rs256(rsa, claims("bad-5").issuer(null).build()), "iss");
        // An unsigned token (alg none) and an HS256 one (this site has no shared secret) get no further than their header.
        String payload = Base64URL.encode(claims("bad-6").build().toString()).toString();
        refused(Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString() + "." + payload + ".", "alg none");
        refused(sign(JWSAlgorithm.HS256, new MACSigner("a-secret-of-at-least-thirty-two-bytes-long"), claims("bad-7").build()), "no HS256");
        for (int i = 1; i <= 7; i++) assertThat(t.app.readers.byEmail(t.site.id(), "bad-" + i + "@keys.test.org")).isEmpty();

        // ES256 once the EC key replaces the RSA one; the RSA key no longer works.
        registerWithCli(ec);
        assertThat(signedIn(es256(claims("ec-1").build())).path("displayName").asText()).isEqualTo("Kim ec-1");
        refused(rs256(rsa, claims("bad-8").build()), "signature does not match");

        // The same keys published as a JWKS by the host site: both algorithms sign in.
        t.app.signOn.setSsoKeys(t.site.id(), new SiteSignOn.SsoKeys(null, null,
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json", ISSUER));
        assertThat(signedIn(rs256(rsa, claims("jwks-rsa").build())).path("displayName").asText()).isEqualTo("Kim jwks-rsa");
        assertThat(signedIn(es256(claims("jwks-ec").build())).path("displayName").asText()).isEqualTo("Kim jwks-ec");
        refused(rs256(stranger, claims("bad-9").build()), "signature does not match");
    }
}
