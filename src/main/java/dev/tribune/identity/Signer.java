package dev.tribune.identity;

import dev.tribune.store.Database;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signs and hashes with the installation's secret: TRIBUNE_SECRET when set, else one generated
 * on first start and kept in the database so tokens survive restarts.
 */
public final class Signer {
    /** Thread-safe, and costly to make: one for every token. */
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Keyed once; each signature works on a copy (finding the provider and keying cost more than the signing). */
    private final Mac keyed;

    public Signer(byte[] key) {
        try {
            this.keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(key.clone(), "HmacSHA256"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Signer forInstallation(Database db, String configured) {
        if (configured != null) return new Signer(configured.getBytes(StandardCharsets.UTF_8));
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        // Nodes starting together on one PostgreSQL all offer a secret; the first one stored wins for all.
        String stored = db.write(h -> {
            h.createUpdate("insert into instance_setting (name, value) values ('secret', ?) on conflict (name) do nothing")
                    .bind(0, HexFormat.of().formatHex(b)).execute();
            return h.createQuery("select value from instance_setting where name = 'secret'").mapTo(String.class).one();
        });
        return new Signer(stored.getBytes(StandardCharsets.UTF_8));
    }

    /** A keyed hash of a value (client addresses, browser tokens), hex, never reversible without the secret. */
    public String hash(String purpose, String value) {
        return HexFormat.of().formatHex(mac(purpose + "\u0000" + value)).substring(0, 32);
    }

    /** A new browser token: random id plus its signature. */
    public String newBrowserToken() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        return id + "." + sign(id);
    }

    /** The token's id when its signature is ours. */
    public Optional<String> verifyBrowserToken(String token) {
        if (token == null || token.length() > 200) return Optional.empty();
        int dot = token.indexOf('.');
        if (dot <= 0) return Optional.empty();
        String id = token.substring(0, dot);
        String sig = token.substring(dot + 1);
        return MessageDigest.isEqual(sig.getBytes(StandardCharsets.UTF_8), sign(id).getBytes(StandardCharsets.UTF_8))
                ? Optional.of(id) : Optional.empty();
    }

    /** A signature of data for one purpose (links sent by email, sign-in state), URL-safe. */
    public String signature(String purpose, String data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose + "\u0000" + data));
    }

    /** Whether signature is ours for this purpose and data, compared in constant time. */
    public boolean verifies(String purpose, String data, String signature) {
        return signature != null
                && MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8), signature(purpose, data).getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("browser\u0000" + id)).substring(0, 22);
    }

    private byte[] mac(String data) {
        try {
            return ((Mac) keyed.clone()).doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 cannot be copied", e);
        }
    }
}
