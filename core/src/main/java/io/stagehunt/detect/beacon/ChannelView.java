package io.stagehunt.detect.beacon;

import io.stagehunt.detect.Destination;
import io.stagehunt.net.IpAddress;

/**
 * Who a channel is about, for reports: the pair, the channel's name (null for the address itself), whether
 * the pair's address is a forward proxy the name was reached through, and the latest DNS name of the address.
 */
record ChannelView(PairKey key, String name, boolean proxied, String dnsLabel) {

    /** The far end as an analyst names it: the proxied target, the name, or the address (with its DNS name). */
    Destination destination(int port) {
        if (proxied && name != null) {
            IpAddress literal = IpAddress.tryParse(name);
            return literal != null ? new Destination(literal, null, port) : new Destination(null, name, port);
        }
        if (name != null) {
            IpAddress literal = IpAddress.tryParse(name);
            return literal != null ? new Destination(literal, null, port) : new Destination(key.remote(), name, port);
        }
        return new Destination(key.remote(), dnsLabel, port);
    }

    /** The destination as it reads in a sentence: its name, else its address. */
    String spoken() {
        if (name != null) {
            return name;
        }
        return dnsLabel != null ? dnsLabel + " (" + key.remote() + ")" : key.remote().toString();
    }

    /** "through proxy 10.0.0.1:3128", or empty when direct. */
    String viaProxy(int proxyPort) {
        if (!proxied) {
            return "";
        }
        return " through proxy " + key.remote() + (proxyPort >= 0 ? ":" + proxyPort : "");
    }
}
