package io.stagehunt.ingest.zeek;

import io.stagehunt.event.Certificate;
import io.stagehunt.event.Event;
import io.stagehunt.ingest.ReadContext;
import java.util.List;
import java.util.Locale;

/**
 * {@code x509.log}: certificates, joined to TLS sessions by file id ({@code id}, before Zeek 6) or by SHA-256
 * fingerprint ({@code fingerprint}, Zeek 6 on).
 */
final class X509Log extends ZeekLog {

    private static final int TS = 0;
    private static final int ID = 1;
    private static final int FINGERPRINT = 2;
    private static final int SERIAL = 3;
    private static final int SUBJECT = 4;
    private static final int ISSUER = 5;
    private static final int NOT_BEFORE = 6;
    private static final int NOT_AFTER = 7;
    private static final int KEY_ALG = 8;
    private static final int KEY_LENGTH = 9;
    private static final int SAN_DNS = 10;

    X509Log() {
        super("x509", List.of("ts", "id", "fingerprint", "certificate.serial", "certificate.subject",
                        "certificate.issuer", "certificate.not_valid_before", "certificate.not_valid_after",
                        "certificate.key_alg", "certificate.key_length", "san.dns"),
                List.of("ts"));
    }

    @Override
    Class<Certificate> produces() {
        return Certificate.class;
    }

    @Override
    Event map(ZeekRow row, ReadContext context, long line) throws MalformedFieldException {
        String fingerprint = row.text(FINGERPRINT);
        return new Certificate(row.time(TS), null, context.provenance(line), row.text(ID),
                fingerprint == null ? null : fingerprint.toLowerCase(Locale.ROOT), row.text(SERIAL),
                row.text(SUBJECT), row.text(ISSUER), row.time(NOT_BEFORE), row.time(NOT_AFTER), row.text(KEY_ALG),
                smallCount(row.count(KEY_LENGTH), "certificate.key_length"), row.list(SAN_DNS));
    }
}
