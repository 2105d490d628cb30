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
    private final byte[] key;

    public Signer(byte[] key) {
        this.key = key.clone();
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
        new SecureRandom().nextBytes(b);
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

    private String sign(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("browser\u0000" + id)).substring(0, 22);
    }

    private byte[] mac(String data) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
