package io.stagehunt.detect.intel;

import io.stagehunt.detect.Destination;
import io.stagehunt.event.Certificate;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.FileCreate;
import io.stagehunt.event.FileHashes;
import io.stagehunt.event.FileTransfer;
import io.stagehunt.event.FirewallDecision;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.ProcessConnection;
import io.stagehunt.event.ProcessStart;
import io.stagehunt.event.TlsSession;
import io.stagehunt.intel.DecayPolicy;
import io.stagehunt.intel.Freshness;
import io.stagehunt.intel.IndicatorIndex;
import io.stagehunt.intel.IndicatorType;
import io.stagehunt.intel.IntelMatch;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds the listed values in an event, field by field, keeping only matches that count at the event's time:
 * not expired, not too long before their listing, not decayed below the minimum weight, and seen on the port
 * the indicator names, if it names one (a value seen without a port, as in DNS, never matches a port-bound
 * indicator). Lookups that find nothing allocate nothing. Thread-safe (immutable).
 */
final class Sightings {

    private final IndicatorIndex index;
    private final DecayPolicy decay;
    private final double minimumWeight;
    private final boolean domains;
    private final boolean addresses;
    private final boolean urls;
    private final boolean hashes;
    private final boolean ja3;
    private final boolean ja3s;

    Sightings(IndicatorIndex index, DecayPolicy decay, double minimumWeight) {
        this.index = index;
        this.decay = decay;
        this.minimumWeight = minimumWeight;
        this.domains = index.has(IndicatorType.DOMAIN);
        this.addresses = index.has(IndicatorType.IP) || index.has(IndicatorType.CIDR);
        this.urls = index.has(IndicatorType.URL);
        this.hashes = index.has(IndicatorType.MD5) || index.has(IndicatorType.SHA1) || index.has(IndicatorType.SHA256)
                || index.has(IndicatorType.CERT_SHA1) || index.has(IndicatorType.CERT_SHA256);
        this.ja3 = index.has(IndicatorType.JA3);
        this.ja3s = index.has(IndicatorType.JA3S);
    }

    /** True when certificate hashes can be listed at all, so that certificate joins are worth keeping. */
    boolean hasHashes() {
        return hashes;
    }

    void collect(Event event, Consumer<Sighting> sink) {
        if (event instanceof Connection connection) {
            boolean inbound = connection.direction() == Direction.INBOUND;
            address(inbound ? SeenIn.CONN_SOURCE : SeenIn.CONN_DESTINATION, connection.remote(),
                    connection.remotePort(), event, sink);
        } else if (event instanceof DnsQuery dns) {
            domain(SeenIn.DNS_QUERY, dns.query(), -1, event, sink);
            for (String answer : dns.answers()) {
                IpAddress address = IpAddress.tryParse(answer);
                if (address != null) {
                    address(SeenIn.DNS_ANSWER, address, -1, event, sink);
                } else {
                    domain(SeenIn.DNS_ANSWER, answer, -1, event, sink);
                }
            }
        } else if (event instanceof HttpRequest http) {
            http(http, sink);
        } else if (event instanceof TlsSession tls) {
            domain(SeenIn.TLS_SERVER_NAME, tls.serverName(), tls.serverPort(), event, sink);
            address(SeenIn.TLS_SERVER, tls.server(), tls.serverPort(), event, sink);
            if (ja3 && tls.ja3() != null) {
                offer(SeenIn.TLS_JA3, index.matchJa3(tls.ja3()), -1, event, null, sink);
            }
            if (ja3s && tls.ja3s() != null) {
                offer(SeenIn.TLS_JA3S, index.matchJa3s(tls.ja3s()), -1, event, null, sink);
            }
            for (String fingerprint : tls.certificateFingerprints()) {
                hash(SeenIn.TLS_CERTIFICATE, fingerprint, event, sink);
            }
        } else if (event instanceof FileTransfer file) {
            SeenIn where = isCertificate(file.mimeType()) ? SeenIn.TLS_CERTIFICATE : SeenIn.FILE_HASH;
            hash(where, file.md5(), event, sink);
            hash(where, file.sha1(), event, sink);
            hash(where, file.sha256(), event, sink);
        } else if (event instanceof ProcessStart process) {
            hashes(SeenIn.PROCESS_IMAGE_HASH, process.hashes(), event, sink);
        } else if (event instanceof FileCreate created) {
            hashes(SeenIn.CREATED_FILE_HASH, created.hashes(), event, sink);
        } else if (event instanceof ProcessConnection connection) {
            IpAddress remote = connection.initiated() ? connection.destinationIp() : connection.sourceIp();
            int port = connection.initiated() ? connection.destinationPort() : connection.sourcePort();
            address(SeenIn.PROCESS_CONNECTION, remote, port, event, sink);
            if (connection.initiated()) {
                domain(SeenIn.PROCESS_CONNECTION_NAME, connection.destinationHostname(), port, event, sink);
            }
        } else if (event instanceof FirewallDecision firewall) {
            address(SeenIn.FIREWALL_DESTINATION, firewall.remote(), firewall.remotePort(), event, sink);
        } else if (event instanceof Certificate certificate) {
            hash(SeenIn.TLS_CERTIFICATE, certificate.fingerprint(), event, sink);
        }
    }

    private void http(HttpRequest http, Consumer<Sighting> sink) {
        String host = hostWithoutPort(http.hostHeader());
        IpAddress literal = host == null ? null : IpAddress.tryParse(host);
        if (literal != null) {
            address(SeenIn.HTTP_HOST, literal, http.serverPort(), http, sink);
        } else {
            domain(SeenIn.HTTP_HOST, host, http.serverPort(), http, sink);
        }
        address(SeenIn.HTTP_SERVER, http.server(), http.serverPort(), http, sink);
        if (urls) {
            String url = url(http);
            if (url != null) {
                offer(SeenIn.HTTP_URL, index.matchUrl(url), http.serverPort(), http, null, sink);
            }
        }
    }

    /**
     * The far end an event names, made only for events with a match: building it for every event would cost an
     * allocation per event for nothing.
     *
     * @param answer the address a DNS answer gave, for DNS answers; null otherwise
     */
    static Destination destinationOf(Event event, IpAddress answer) {
        if (event instanceof Connection connection) {
            return new Destination(connection.remote(), null, connection.remotePort());
        }
        if (event instanceof DnsQuery dns) {
            return new Destination(answer, DomainName.normalize(dns.query()), -1);
        }
        if (event instanceof HttpRequest http) {
            String host = hostWithoutPort(http.hostHeader());
            String domain = host == null || IpAddress.tryParse(host) != null ? null : DomainName.normalize(host);
            return new Destination(http.server(), domain, http.serverPort());
        }
        if (event instanceof TlsSession tls) {
            return new Destination(tls.server(), DomainName.normalize(tls.serverName()), tls.serverPort());
        }
        if (event instanceof FileTransfer file) {
            return new Destination(file.remote(), null, -1);
        }
        if (event instanceof ProcessConnection connection) {
            return connection.initiated()
                    ? new Destination(connection.destinationIp(),
                    DomainName.normalize(connection.destinationHostname()), connection.destinationPort())
                    : new Destination(connection.sourceIp(), null, connection.sourcePort());
        }
        if (event instanceof FirewallDecision firewall) {
            return new Destination(firewall.remote(), null, firewall.remotePort());
        }
        return Destination.NONE;
    }

    /** The URL a cleartext request asked for: absolute when sent to a proxy, else host header plus URI. */
    static String url(HttpRequest http) {
        String uri = http.uri();
        if (uri == null || uri.isEmpty() || "CONNECT".equalsIgnoreCase(http.method())) {
            return null;
        }
        String lower = uri.length() > 8 ? uri.substring(0, 8).toLowerCase(Locale.ROOT) : uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return uri;
        }
        String host = http.hostHeader();
        if (host == null || host.isBlank()) {
            if (http.server() == null) {
                return null;
            }
            host = http.server().isV4() ? http.server().toString() : "[" + http.server() + "]";
        }
        boolean hasPort = host.lastIndexOf(':') > host.lastIndexOf(']');
        String authority = hasPort || http.serverPort() == 80 || http.serverPort() < 0 ? host
                : host + ":" + http.serverPort();
        return "http://" + authority + (uri.startsWith("/") ? uri : "/" + uri);
    }

    private static String hostWithoutPort(String header) {
        return header == null || header.isBlank() ? null : DomainName.withoutPort(header.strip());
    }

    private static boolean isCertificate(String mimeType) {
        return mimeType != null && (mimeType.contains("x509") || mimeType.contains("pkix-cert"));
    }

    private void hashes(SeenIn where, FileHashes fileHashes, Event event, Consumer<Sighting> sink) {
        if (fileHashes == null) {
            return;
        }
        hash(where, fileHashes.md5(), event, sink);
        hash(where, fileHashes.sha1(), event, sink);
        hash(where, fileHashes.sha256(), event, sink);
    }

    private void hash(SeenIn where, String value, Event event, Consumer<Sighting> sink) {
        if (hashes && value != null && !value.isEmpty()) {
            offer(where, index.matchHash(value), -1, event, null, sink);
        }
    }

    private void domain(SeenIn where, String name, int port, Event event, Consumer<Sighting> sink) {
        if (domains && name != null && !name.isEmpty()) {
            offer(where, index.matchDomain(name), port, event, null, sink);
        }
    }

    private void address(SeenIn where, IpAddress address, int port, Event event, Consumer<Sighting> sink) {
        if (addresses && address != null) {
            offer(where, index.matchAddress(address), port, event, where == SeenIn.DNS_ANSWER ? address : null,
                    sink);
        }
    }

    private void offer(SeenIn where, List<IntelMatch> matches, int port, Event event, IpAddress answer,
            Consumer<Sighting> sink) {
        Destination destination = null;
        for (int i = 0; i < matches.size(); i++) {
            IntelMatch match = matches.get(i);
            if (!match.portAllows(port)) {
                continue;
            }
            Freshness freshness = match.freshness(decay, event.timeMicros());
            if (freshness.counts() && freshness.weight() >= minimumWeight) {
                if (destination == null) {
                    destination = destinationOf(event, answer);
                }
                sink.accept(new Sighting(where, match, freshness, destination));
            }
        }
    }
}
