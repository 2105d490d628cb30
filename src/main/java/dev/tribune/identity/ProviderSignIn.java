package dev.tribune.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tribune.domain.Reader;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Role;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sign-in with an OpenID Connect provider (discovered from its issuer) or GitHub's OAuth 2:
 * the authorization code flow with PKCE, a state bound to the browser, and for OpenID Connect a
 * nonce and a verified ID token. The pending sign-in travels in a short-lived signed cookie, so
 * any node of a cluster can finish it. Accounts are linked by verified email.
 */
public final class ProviderSignIn {
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where to send the browser, and the value of the cookie that remembers this attempt. */
    public record Start(String authorizationUrl, String pending) {}

    /** An OpenID provider's endpoints, from its discovery document. */
    record Endpoints(String issuer, String authorization, String token, String jwks, String userinfo, boolean basicAuth) {}

    /**
     * What the browser's cookie remembers between start and callback. embedOrigin is set when the
     * sign-in runs in a popup opened by an embed on that page origin (the code is handed back there).
     */
    record Pending(String provider, String state, String nonce, String verifier, String next, String embedOrigin, long expires) {}

    private final Signer signer;
    private final Readers readers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Cache<String, Endpoints> discovered = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(100).build();
    private final Cache<String, JWKSource<SecurityContext>> keys = Caffeine.newBuilder().maximumSize(100).build();

    public ProviderSignIn(Signer signer, Readers readers) {
        this.signer = signer;
        this.readers = readers;
    }

    /** Begins a sign-in: redirectUri is this site's callback for the provider; next is where to land afterwards. */
    public Start start(SiteSignOn.Provider p, String redirectUri, String next) {
        return start(p, redirectUri, next, null);
    }

    /** Begins a sign-in for an embed on embedOrigin (null: for Tribune's own pages). */
    public Start start(SiteSignOn.Provider p, String redirectUri, String next, String embedOrigin) {
        Pending pending = new Pending(p.name(), random(), random(), random() + random(), next, embedOrigin,
                System.currentTimeMillis() + PENDING_LIFETIME.toMillis());
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", p.clientId());
        q.put("redirect_uri", redirectUri);
        q.put("state", pending.state());
        q.put("code_challenge", challenge(pending.verifier()));
        q.put("code_challenge_method", "S256");
        String endpoint;
        if (isGithub(p)) {
            q.put("scope", "read:user user:email");
            endpoint = p.issuer() + "/login/oauth/authorize";
        } else {
            q.put("scope", "openid email profile");
            q.put("nonce", pending.nonce());
            endpoint = endpoints(p).authorization();
        }
        return new Start(endpoint + (endpoint.contains("?") ? "&" : "?") + form(q), seal(pending));
    }

    /** The pending sign-in's landing page, for a callback that fails before it knows better. */
    public String next(String pendingCookie, String fallback) {
        Pending p = open(pendingCookie);
        return p == null ? fallback : p.next();
    }

    /** The embed's page origin the pending sign-in was started for, or null (Tribune's own pages, or no such sign-in). */
    public String embedOrigin(String pendingCookie) {
        Pending p = open(pendingCookie);
        return p == null ? null : p.embedOrigin();
    }

    /** Finishes a sign-in from the provider's callback; refused on a state mismatch, a bad ID token or a wrong nonce. */
    public Reader finish(long siteId, SiteSignOn.Provider p, String redirectUri, String code, String state, String pendingCookie) {
        Pending pending = open(pendingCookie);
        if (pending == null || !pending.provider().equals(p.name())) {
            throw new Refusal(400, "sign-in-expired", "This sign-in was not started in this browser, or took too long. Please start again.");
        }
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(400, "state-mismatch", "The answer from the provider does not belong to this sign-in (state mismatch). Please start again.");
        }
        if (code == null || code.isBlank()) throw new Refusal(400, "no-code", "The provider did not send an authorization code.");
        return isGithub(p) ? finishGithub(siteId, p, redirectUri, code, pending) : finishOidc(siteId, p, redirectUri, code, pending);
    }

    private Reader finishOidc(long siteId, SiteSignOn.Provider p, String redirectUri, String code, Pending pending) {
        Endpoints e = endpoints(p);
        JsonNode tokens = tokenRequest(e.token(), e.basicAuth(), p, redirectUri, code, pending.verifier());
        String idToken = tokens.path("id_token").asText(null);
        if (idToken == null) throw failed("The provider sent no ID token.");
        JWTClaimsSet claims;
        try {
            DefaultJWTProcessor<SecurityContext> proc = new DefaultJWTProcessor<>();
            Set<JWSAlgorithm> algs = new HashSet<>(JWSAlgorithm.Family.RSA);
            algs.addAll(JWSAlgorithm.Family.EC);
            proc.setJWSKeySelector(new JWSVerificationKeySelector<>(algs, keys.get(e.jwks(), ProviderSignIn::remoteKeys)));
            proc.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(p.clientId(),
                    new JWTClaimsSet.Builder().issuer(e.issuer()).claim("nonce", pending.nonce()).build(),
                    new HashSet<>(List.of("sub", "exp", "iat"))));
            claims = proc.process(idToken, null);
        } catch (Exception ex) {
            throw new Refusal(401, "invalid-id-token", "The provider's ID token could not be verified: " + ex.getMessage());
        }
        Map<String, Object> who = new LinkedHashMap<>(claims.getClaims());
        if (!(who.get("email") instanceof String) && e.userinfo() != null) {
            JsonNode info = getJson(e.userinfo(), tokens.path("access_token").asText(""));
            if (claims.getSubject().equals(info.path("sub").asText())) {
                info.fields().forEachRemaining(f -> who.putIfAbsent(f.getKey(), f.getValue().isTextual() ? f.getValue().asText()
                        : f.getValue().isBoolean() ? f.getValue().asBoolean() : null));
            }
        }
        Object verified = who.get("email_verified");
        boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(verified);
        String email = who.get("email") instanceof String s ? s : null;
        String name = who.get("name") instanceof String s ? s : email == null ? "Reader" : email.replaceFirst("@.*", "");
        String picture = who.get("picture") instanceof String s ? s : null;
        return readers.fromProvider(siteId, p.id(), claims.getSubject(),
                new Readers.Vouched(email, emailVerified, trim(name), picture, Role.READER, List.of()));
    }

    private Reader finishGithub(long siteId, SiteSignOn.Provider p, String redirectUri, String code, Pending pending) {
        JsonNode tokens = tokenRequest(p.issuer() + "/login/oauth/access_token", false, p, redirectUri, code, pending.verifier());
        String access = tokens.path("access_token").asText(null);
        if (access == null) throw failed("GitHub sent no access token: " + tokens.path("error_description").asText("no reason given"));
        String api = p.issuer().equals("https://github.com") ? "https://api.github.com" : p.issuer() + "/api/v3";
        JsonNode user = getJson(api + "/user", access);
        String email = null;
        for (JsonNode em : getJson(api + "/user/emails", access)) {
            if (em.path("verified").asBoolean() && (email == null || em.path("primary").asBoolean())) email = em.path("email").asText();
        }
        String login = user.path("login").asText("reader");
        String name = user.path("name").isTextual() ? user.path("name").asText() : login;
        return readers.fromProvider(siteId, p.id(), user.path("id").asText(), new Readers.Vouched(email, email != null, trim(name),
                user.path("avatar_url").isTextual() ? user.path("avatar_url").asText() : null, Role.READER, List.of()));
    }

    private JsonNode tokenRequest(String endpoint, boolean basic, SiteSignOn.Provider p, String redirectUri, String code, String verifier) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("redirect_uri", redirectUri);
        f.put("code_verifier", verifier);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (basic) {
            String pair = URLEncoder.encode(p.clientId(), StandardCharsets.UTF_8) + ":" + URLEncoder.encode(p.clientSecret(), StandardCharsets.UTF_8);
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            f.put("client_id", p.clientId());
            f.put("client_secret", p.clientSecret());
        }
        JsonNode answer = send(r.POST(HttpRequest.BodyPublishers.ofString(form(f))).build());
        if (answer.has("error")) throw failed("The provider refused the sign-in: " + answer.path("error").asText());
        return answer;
    }

    private Endpoints endpoints(SiteSignOn.Provider p) {
        return discovered.get(p.issuer(), issuer -> {
            JsonNode d = send(HttpRequest.newBuilder(URI.create(issuer.replaceFirst("/$", "") + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(15)).header("Accept", "application/json").GET().build());
            if (!issuer.replaceFirst("/$", "").equals(d.path("issuer").asText().replaceFirst("/$", ""))) throw failed("The provider's discovery document names another issuer.");
            boolean basic = true;
            if (d.path("token_endpoint_auth_methods_supported").isArray()) {
                Set<String> methods = new HashSet<>();
                d.path("token_endpoint_auth_methods_supported").forEach(m -> methods.add(m.asText()));
                basic = methods.contains("client_secret_basic") || !methods.contains("client_secret_post");
            }
            return new Endpoints(d.path("issuer").asText(), d.path("authorization_endpoint").asText(), d.path("token_endpoint").asText(),
                    d.path("jwks_uri").asText(), d.path("userinfo_endpoint").asText(null), basic);
        });
    }

    private JsonNode getJson(String url, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    private JsonNode send(HttpRequest r) {
        try {
            HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
            JsonNode n = JSON.readTree(res.body());
            if (res.statusCode() >= 400 && !n.has("error")) throw failed("The provider answered " + res.statusCode() + ".");
            return n;
        } catch (Refusal e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("The sign-in was interrupted.");
        } catch (Exception e) {
            throw failed("The provider could not be reached or answered oddly.");
        }
    }

    private static JWKSource<SecurityContext> remoteKeys(String url) {
        try {
            return JWKSourceBuilder.create(URI.create(url).toURL()).build();
        } catch (Exception e) {
            throw failed("The provider's keys address is not usable.");
        }
    }

    private String seal(Pending p) {
        String json;
        try {
            json = JSON.writeValueAsString(p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return payload + "." + signer.signature("oidc-pending", payload);
    }

    private Pending open(String cookie) {
        if (cookie == null || cookie.length() > 4000) return null;
        int dot = cookie.indexOf('.');
        if (dot <= 0 || !signer.verifies("oidc-pending", cookie.substring(0, dot), cookie.substring(dot + 1))) return null;
        try {
            Pending p = JSON.readValue(Base64.getUrlDecoder().decode(cookie.substring(0, dot)), Pending.class);
            return p.expires() < System.currentTimeMillis() ? null : p;
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isGithub(SiteSignOn.Provider p) {
        return "github".equals(p.kind());
    }

    private static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String trim(String name) {
        String n = name.strip().replaceAll("\\p{Cntrl}", "");
        return n.length() > 80 ? n.substring(0, 80) : n.isEmpty() ? "Reader" : n;
    }

    private static Refusal failed(String detail) {
        return new Refusal(502, "provider-failed", detail);
    }
}
