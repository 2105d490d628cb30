package dev.tribune.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;

/**
 * The client's address: the socket's peer, or the right-most X-Forwarded-For entry that is not a
 * trusted proxy when the request came through one (TRIBUNE_TRUSTED_PROXIES).
 */
public final class ClientAddress {
    private record Range(BigInteger base, BigInteger mask, int bytes) {}

    private final List<Range> trusted;

    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(ClientAddress::range).toList();
    }

    public String resolve(String peer, String forwardedFor) {
        String ip = strip(peer);
        if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(ip)) return ip;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) continue;
            if (!isTrusted(hop) || i == 0) return hop;
        }
        return ip;
    }

    boolean isTrusted(String ip) {
        if (trusted.isEmpty()) return false;
        try {
            byte[] b = literal(ip);
            BigInteger v = new BigInteger(1, b);
            for (Range r : trusted) {
                if (r.bytes() == b.length && v.and(r.mask()).equals(r.base())) return true;
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private static Range range(String cidr) {
        String[] p = cidr.split("/");
        byte[] b = literal(p[0]);
        int bits = b.length * 8;
        int prefix = p.length > 1 ? Integer.parseInt(p[1]) : bits;
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger mask = all.xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new Range(new BigInteger(1, b).and(mask), mask, b.length);
    }

    /** Parses an IP literal without ever asking DNS (getByName only looks up names, which we refuse first). */
    private static byte[] literal(String ip) {
        if (!ip.matches("[0-9a-fA-F:.]+") || !(ip.contains(".") || ip.contains(":"))) throw new IllegalArgumentException(ip);
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }

    private static String strip(String peer) {
        if (peer == null) return "unknown";
        String s = peer.startsWith("/") ? peer.substring(1) : peer;
        if (s.startsWith("[")) s = s.substring(1, s.indexOf(']'));
        else if (s.indexOf(':') == s.lastIndexOf(':') && s.contains(":")) s = s.substring(0, s.indexOf(':'));
        return s;
    }
}
