package io.stagehunt.ingest.suricata;

import io.stagehunt.event.Direction;
import io.stagehunt.event.FileTransfer;
import io.stagehunt.event.Host;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.SensorAlert;
import io.stagehunt.event.TlsSession;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.util.List;
import java.util.Locale;

/**
 * The EVE event types that map one record to one event: {@code http}, {@code tls}, {@code fileinfo} and
 * {@code alert}. Transaction records name the client as {@code src_ip}; a {@code fileinfo} record is written
 * in the direction the file travelled, so {@code src_ip} is its sender. Stateless.
 */
final class EveMappings {

    private EveMappings() {
    }

    /**
     * An {@code http} record. Suricata logs the Host header without its port ({@code http_port} holds that),
     * the response's declared {@code Content-Type} (not a sniffed type) and no request body length.
     */
    static HttpRequest http(EveRecord eve, ReadContext context, long line, long time) throws MalformedEveException {
        IpAddress client = eve.requiredAddress(EveFields.SRC_IP);
        IpAddress server = eve.requiredAddress(EveFields.DEST_IP);
        String contentType = eve.text(EveFields.HTTP_CONTENT_TYPE);
        Direction direction = context.direction(client, server);
        long status = eve.lenientCount(EveFields.HTTP_STATUS);
        if (status > 999) {
            throw new MalformedEveException(eve.name(EveFields.HTTP_STATUS), "not an HTTP status");
        }
        return new HttpRequest(time, context.host(direction, client, server), context.provenance(line),
                flowId(eve), client, eve.port(EveFields.SRC_PORT), server, eve.port(EveFields.DEST_PORT),
                eve.text(EveFields.HTTP_METHOD), eve.text(EveFields.HTTP_HOSTNAME), eve.text(EveFields.HTTP_URL),
                eve.text(EveFields.HTTP_REFERRER), eve.text(EveFields.HTTP_USER_AGENT), (int) status, -1,
                eve.count(EveFields.HTTP_LENGTH), contentType == null ? List.of() : List.of(contentType), List.of());
    }

    /**
     * A {@code tls} record. EVE has no cipher and no validation status; the handshake counts as established
     * when the server's side of it was seen: a protocol version (Suricata takes it from the server hello and
     * writes {@code UNDETERMINED} without one), a certificate, a JA3S or a resumed session. The certificate
     * fingerprint is Suricata's SHA-1, written here without colons, in lower case.
     */
    static TlsSession tls(EveRecord eve, ReadContext context, long line, long time) throws MalformedEveException {
        IpAddress client = eve.requiredAddress(EveFields.SRC_IP);
        IpAddress server = eve.requiredAddress(EveFields.DEST_IP);
        String sni = eve.text(EveFields.TLS_SNI);
        String normalizedSni = DomainName.normalize(sni);
        String fingerprint = hex(eve.text(EveFields.TLS_FINGERPRINT));
        String subject = eve.text(EveFields.TLS_SUBJECT);
        String ja3s = lower(eve.text(EveFields.TLS_JA3S));
        String version = eve.text(EveFields.TLS_VERSION);
        boolean serverHello = version != null && !version.isEmpty() && !version.equals("UNDETERMINED");
        boolean established = serverHello || fingerprint != null || subject != null || ja3s != null
                || eve.bool(EveFields.TLS_RESUMED, false);
        Direction direction = context.direction(client, server);
        return new TlsSession(time, context.host(direction, client, server), context.provenance(line), flowId(eve),
                client, eve.port(EveFields.SRC_PORT), server, eve.port(EveFields.DEST_PORT),
                version, null, normalizedSni != null ? normalizedSni : sni, established,
                lower(eve.text(EveFields.TLS_JA3)), ja3s, eve.text(EveFields.TLS_JA4), subject,
                eve.text(EveFields.TLS_ISSUER), fingerprint == null ? List.of() : List.of(fingerprint), List.of(),
                null);
    }

    /**
     * A {@code fileinfo} record. Its id is Suricata's {@code file_id} when logged, else flow and transaction
     * ({@code flow_id:tx_id}); the type is libmagic's when enabled, else the HTTP Content-Type.
     */
    static FileTransfer file(EveRecord eve, ReadContext context, long line, long time) throws MalformedEveException {
        IpAddress sender = eve.requiredAddress(EveFields.SRC_IP);
        IpAddress receiver = eve.requiredAddress(EveFields.DEST_IP);
        Direction direction = context.direction(receiver, sender);
        Host host = context.host(direction, receiver, sender);
        long fileId = eve.count(EveFields.FILE_ID);
        long transaction = eve.count(EveFields.FILE_TX_ID);
        String flow = flowId(eve);
        String id = fileId >= 0 ? Long.toString(fileId)
                : flow == null ? null : transaction >= 0 ? flow + ":" + transaction : flow;
        String magic = eve.text(EveFields.FILE_MAGIC);
        return new FileTransfer(time, host, context.provenance(line), id, flow, sender, receiver,
                eve.text(EveFields.APP_PROTO), magic != null ? magic : eve.text(EveFields.HTTP_CONTENT_TYPE),
                eve.text(EveFields.FILE_NAME), eve.count(EveFields.FILE_SIZE), lower(eve.text(EveFields.FILE_MD5)),
                lower(eve.text(EveFields.FILE_SHA1)), lower(eve.text(EveFields.FILE_SHA256)),
                direction != Direction.INBOUND);
    }

    /** An {@code alert} record: the signature id is Suricata's {@code signature_id}. */
    static SensorAlert alert(EveRecord eve, ReadContext context, long line, long time) throws MalformedEveException {
        IpAddress source = eve.requiredAddress(EveFields.SRC_IP);
        IpAddress destination = eve.requiredAddress(EveFields.DEST_IP);
        long signatureId = eve.count(EveFields.ALERT_SIGNATURE_ID);
        long severity = eve.count(EveFields.ALERT_SEVERITY);
        if (severity > 255) {
            throw new MalformedEveException(eve.name(EveFields.ALERT_SEVERITY), "severity out of range");
        }
        Direction direction = context.direction(source, destination);
        return new SensorAlert(time, context.host(direction, source, destination), context.provenance(line),
                "suricata", source, eve.port(EveFields.SRC_PORT), destination, eve.port(EveFields.DEST_PORT),
                signatureId < 0 ? null : Long.toString(signatureId), eve.text(EveFields.ALERT_SIGNATURE),
                eve.text(EveFields.ALERT_CATEGORY), (int) severity, eve.text(EveFields.ALERT_ACTION));
    }

    static String flowId(EveRecord eve) throws MalformedEveException {
        long flowId = eve.count(EveFields.FLOW_ID);
        return flowId < 0 ? null : Long.toString(flowId);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** {@code 2D:D1:9F} or {@code 2dd19f} as {@code 2dd19f}. */
    private static String hex(String text) {
        return text == null ? null : text.replace(":", "").toLowerCase(Locale.ROOT);
    }
}
