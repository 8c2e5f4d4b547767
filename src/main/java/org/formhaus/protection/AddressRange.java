package org.formhaus.protection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of {@code protection.allowedIps}: a single address ({@code 203.0.113.7}, {@code 2001:db8::1}) or a CIDR
 * range ({@code 203.0.113.0/24}, {@code 2001:db8::/32}). Only literal addresses are read, never a host name, so
 * parsing never asks DNS. An IPv4 address given as IPv6 ({@code ::ffff:203.0.113.7}) matches the IPv4 range it stands
 * for. Immutable.
 */
public record AddressRange(String text, byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** The range {@code text} names, or empty when it is not an address or CIDR range. */
    public static Optional<AddressRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(address).orElse(null);
        if (bytes == null) {
            return Optional.empty();
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(p);
        }
        return Optional.of(new AddressRange(s, bytes, prefix));
    }

    /** Whether the client address {@code address} (as the servlet container reports it) lies in this range. */
    public boolean contains(String address) {
        byte[] candidate = literal(address == null ? "" : address.replaceFirst("^\\[(.*)]$", "$1")).orElse(null);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of a literal address; IPv4-mapped IPv6 addresses come back as their four IPv4 bytes. */
    private static Optional<byte[]> literal(String address) {
        String a = address.contains("%") ? address.substring(0, address.indexOf('%')) : address; // zone id
        boolean v4 = IPV4.matcher(a).matches();
        if (!v4 && !(a.contains(":") && IPV6.matcher(a).matches())) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : a.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(a).getAddress()); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
