package dev.tribune.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tribune.domain.Reader;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Role;
import dev.tribune.domain.Site;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the short-lived JWT a host site's backend signs for its signed-in reader (HS256 with the
 * site's secret, or RS256/ES256 with the site's published key) and turns it into a {@link Reader}.
 * The token must name the site's host as audience, carry sub and email, and be at most an hour
 * old; replay within that hour is accepted (it signs in the same person again).
 */
public final class SsoTokens {
    public static final Duration MAX_LIFETIME = Duration.ofHours(1);
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final int MAX_BADGES = 5;
    private static final int MAX_BADGE_CHARS = 30;

    private final SiteSignOn signOn;
    private final Readers readers;
    private final Map<String, JWKSource<SecurityContext>> remoteKeys = new ConcurrentHashMap<>();

    public SsoTokens(SiteSignOn signOn, Readers readers) {
        this.signOn = signOn;
        this.readers = readers;
    }

    /** The reader the token vouches for on this site, created or updated; refused (401) when the token is not good here. */
    public Reader signIn(Site site, String token) {
        if (token == null || token.isBlank() || token.length() > 8_000) throw bad("No SSO token was sent.");
        JWTClaimsSet claims = verify(site, token.strip());
        try {
            String subject = claims.getSubject();
            String email = claims.getStringClaim("email");
            String name = claims.getStringClaim("name");
            String avatar = claims.getClaim("avatar") != null ? claims.getStringClaim("avatar") : claims.getStringClaim("picture");
            String role = claims.getClaim("role") == null ? "reader" : claims.getStringClaim("role");
            if (email == null || !email.contains("@")) throw bad("The SSO token has no email claim.");
            if (subject.length() > 200) throw bad("The SSO token's sub is longer than 200 characters.");
            List<String> badges = new ArrayList<>(badges(claims.getClaim("badges")));
            Role r = switch (role.strip().toLowerCase()) {
                case "reader" -> Role.READER;
                case "subscriber" -> Role.SUBSCRIBER;
                // The host's staff comment with a Staff badge; the console stays behind Tribune's own staff sign-in.
                case "staff" -> {
                    if (!badges.contains("Staff")) badges.add(0, "Staff");
                    yield Role.SUBSCRIBER;
                }
                default -> throw bad("The SSO token's role must be reader, subscriber or staff, got '" + role + "'.");
            };
            String shown = name == null || name.isBlank() ? email.replaceFirst("@.*", "") : name.strip();
            if (avatar != null && !Readers.validUrl(avatar)) avatar = null;
            return readers.fromSso(site.id(), subject, new Readers.Vouched(email, true, shown, avatar, r, badges));
        } catch (ParseException e) {
            throw bad("A claim of the SSO token has the wrong type: " + e.getMessage());
        }
    }

    private JWTClaimsSet verify(Site site, String token) {
        SiteSignOn.SsoKeys keys = signOn.ssoKeys(site.id());
        if (!keys.any()) throw new Refusal(403, "sso-not-configured", "Sign-on from the host site is not set up for " + site.name() + ".");
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        com.nimbusds.jose.Algorithm alg;
        try {
            alg = com.nimbusds.jose.Header.parse(com.nimbusds.jose.util.Base64URL.from(token.split("\\.", 2)[0])).getAlgorithm();
        } catch (ParseException | RuntimeException e) {
            throw bad("The SSO token is not a JWT (its header cannot be read).");
        }
        if (com.nimbusds.jose.Algorithm.NONE.equals(alg)) {
            throw bad("The SSO token is unsigned (alg none); sign it with HS256, RS256 or ES256.");
        }
        if (JWSAlgorithm.HS256.equals(alg)) {
            if (keys.secret() == null) throw bad("This site takes no HS256 tokens.");
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256,
                    new ImmutableSecret<>(keys.secret().getBytes(StandardCharsets.UTF_8))));
        } else if (JWSAlgorithm.RS256.equals(alg) || JWSAlgorithm.ES256.equals(alg)) {
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(alg.getName()), publicKeys(keys)));
        } else {
            throw bad("SSO tokens are signed with HS256, RS256 or ES256, not " + alg + ".");
        }
        Set<String> required = new HashSet<>(List.of("sub", "exp", "iat", "aud"));
        JWTClaimsSet exact = keys.issuer() == null ? new JWTClaimsSet.Builder().build()
                : new JWTClaimsSet.Builder().issuer(keys.issuer()).build();
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(site.host(), exact, required);
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        p.setJWTClaimsSetVerifier(claims);
        JWTClaimsSet set;
        try {
            set = p.process(token, null);
        } catch (BadJWTException e) {
            throw bad("The SSO token is not valid for " + site.host() + ": " + e.getMessage());
        } catch (BadJOSEException e) {
            throw bad("The SSO token's signature does not match this site's key.");
        } catch (ParseException e) {
            throw bad("The SSO token is not a signed JWT.");
        } catch (JOSEException e) {
            throw bad("The SSO token could not be checked: " + e.getMessage());
        }
        Date iat = set.getIssueTime();
        Date exp = set.getExpirationTime();
        if (iat.toInstant().isAfter(java.time.Instant.now().plus(CLOCK_SKEW))) throw bad("The SSO token was issued in the future.");
        if (Duration.between(iat.toInstant(), exp.toInstant()).compareTo(MAX_LIFETIME) > 0) {
            throw bad("The SSO token lives longer than " + MAX_LIFETIME.toMinutes() + " minutes; make short-lived tokens.");
        }
        return set;
    }

    private JWKSource<SecurityContext> publicKeys(SiteSignOn.SsoKeys keys) {
        if (keys.publicKeyPem() != null) {
            try {
                return new ImmutableJWKSet<>(new JWKSet(publicKey(keys.publicKeyPem())));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new Refusal(500, "sso-key", "The site's SSO public key cannot be read (give a PEM \"PUBLIC KEY\", RSA or EC).");
            }
        }
        if (keys.jwksUrl() != null) {
            return remoteKeys.computeIfAbsent(keys.jwksUrl(), u -> {
                try {
                    return JWKSourceBuilder.create(URI.create(u).toURL()).build();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        throw bad("This site takes only HS256 tokens.");
    }

    /** An RSA or EC public key from PEM text (a "PUBLIC KEY" block, as `openssl pkey -pubout` writes), read with the JDK alone. */
    public static JWK publicKey(String pem) throws GeneralSecurityException {
        int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
        int end = pem.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) throw new IllegalArgumentException("no PUBLIC KEY block");
        X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pem.substring(begin + 26, end)));
        PublicKey key;
        try {
            key = KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (InvalidKeySpecException notRsa) {
            key = KeyFactory.getInstance("EC").generatePublic(spec);
        }
        if (key instanceof RSAPublicKey rsa) return new RSAKey.Builder(rsa).build();
        if (key instanceof ECPublicKey ec) return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        throw new IllegalArgumentException("neither RSA nor EC");
    }

    private static List<String> badges(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof List<?> list) {
            for (Object o : list) if (o instanceof String s) out.add(s);
        } else if (claim instanceof String s) {
            out.addAll(List.of(s.split(",")));
        }
        return out.stream().map(String::strip).filter(b -> !b.isEmpty() && b.length() <= MAX_BADGE_CHARS && !b.contains(","))
                .filter(b -> b.codePoints().noneMatch(Character::isISOControl)).distinct().limit(MAX_BADGES).toList();
    }

    private static Refusal bad(String detail) {
        return new Refusal(401, "invalid-sso-token", detail);
    }
}
