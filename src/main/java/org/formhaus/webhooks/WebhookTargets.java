package org.formhaus.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.formhaus.onoffice.OnOfficeHosts;

/**
 * Where webhooks may go, against server-side request forgery: an http(s) URL without user info whose host resolves
 * only to public addresses; a loopback, private, link-local, carrier-grade NAT, unique-local, multicast or unspecified
 * address is refused unless the operator allowed the host (and port) in {@code webhooks.hosts}, with the same
 * host-list rules as {@code onoffice.hosts}. Checked when the URL is saved and again before every send (DNS may have
 * changed). Immutable; thread-safe.
 */
public final class WebhookTargets {

    private final OnOfficeHosts allowed;

    /** @param allowed the operator's {@code webhooks.hosts}, parsed as onOffice hosts are */
    public WebhookTargets(OnOfficeHosts allowed) {
        this.allowed = allowed;
    }

    /** Why nothing may be sent to {@code url}, or null when it may. */
    public String problem(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "is not a URL";
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            return "must be an http(s) URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not hold a user name or password";
        }
        if (allowed.allows(uri)) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "names a host that cannot be resolved (" + uri.getHost() + ")";
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "points to a private or loopback address (" + uri.getHost()
                        + "); only hosts the operator allowed in webhooks.hosts may be";
            }
        }
        return null;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10, carrier-grade NAT
                && first != 0 && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && first < 240;
    }
}
