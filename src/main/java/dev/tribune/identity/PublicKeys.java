package dev.tribune.identity;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tribune.domain.Refusal;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

/**
 * Checks the public key a host site gives for its RS256/ES256 SSO tokens, pasted as PEM or as a
 * JWK (or a JWKS with one key), and keeps it one way: as a PEM "PUBLIC KEY" block, which is what
 * {@link SsoTokens} reads at sign-in.
 */
public final class PublicKeys {
    /** Shortest RSA key accepted, in bits. */
    public static final int MIN_RSA_BITS = 2048;
    /** Longest key text accepted, in characters. */
    public static final int MAX_CHARS = 20_000;

    private PublicKeys() {}

    /** The key as PEM ("-----BEGIN PUBLIC KEY-----"), or a refusal on field "publicKey" saying what is wrong. */
    public static String pem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw invalid("Paste the host site's public key (PEM or JWK).");
        if (t.length() > MAX_CHARS) throw invalid("A public key is at most " + MAX_CHARS + " characters.");
        JWK key = t.startsWith("{") ? fromJson(t) : fromPem(t);
        if (key.isPrivate()) {
            throw invalid("That is a private key. Paste the public key only; the private key never leaves the host site.");
        }
        PublicKey pk;
        try {
            if (key instanceof RSAKey rsa) {
                if (rsa.size() < MIN_RSA_BITS) throw invalid("An RSA key needs at least " + MIN_RSA_BITS + " bits; this one has " + rsa.size() + ".");
                pk = rsa.toRSAPublicKey();
            } else if (key instanceof ECKey ec) {
                pk = ec.toECPublicKey();
            } else {
                throw invalid("Tokens are checked with RS256 or ES256: paste an RSA or EC public key.");
            }
        } catch (com.nimbusds.jose.JOSEException e) {
            throw invalid("That key could not be read: " + e.getMessage());
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pk.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static JWK fromJson(String t) {
        try {
            if (t.contains("\"keys\"")) {
                List<JWK> keys = JWKSet.parse(t).getKeys();
                if (keys.size() != 1) throw invalid("That JWKS holds " + keys.size() + " keys; paste exactly one key (or use a JWKS URL).");
                return keys.get(0);
            }
            return JWK.parse(t);
        } catch (java.text.ParseException e) {
            throw invalid("That is not a JWK: " + e.getMessage());
        }
    }

    /** Reads a PEM "PUBLIC KEY" block the way sign-in will ({@link SsoTokens#publicKey}), naming what else was pasted. */
    private static JWK fromPem(String t) {
        if (!t.startsWith("-----BEGIN ")) {
            throw invalid("A key is PEM (starting with -----BEGIN PUBLIC KEY-----) or a JWK ({\"kty\": …}).");
        }
        String label = t.substring(11, Math.max(11, t.indexOf("-----", 11))).strip();
        if (label.contains("PRIVATE")) {
            throw invalid("That is a private key. Paste the public key only; the private key never leaves the host site.");
        }
        if (!label.equals("PUBLIC KEY")) {
            throw invalid("Paste a \"-----BEGIN PUBLIC KEY-----\" block (openssl pkey -pubout writes one); this one is \"" + label + "\".");
        }
        try {
            return SsoTokens.publicKey(t);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid("That PEM block holds no RSA or EC public key we can read.");
        }
    }

    private static Refusal invalid(String why) {
        return Refusal.invalid("publicKey", why);
    }
}
