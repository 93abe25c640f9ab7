package io.stagehunt.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stagehunt.detect.Attack;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.event.EventTime;
import io.stagehunt.event.Provenance;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes findings as OCSF 1.3 Detection Findings (class 2004), one JSON object per line. stagehunt's own
 * explanation (signals, raw-record references) goes under {@code unmapped}. Not thread-safe.
 */
public final class OcsfFindingWriter implements Closeable {

    public static final String OCSF_VERSION = "1.3.0";
    private static final int CLASS_UID = 2004;
    private static final int CATEGORY_UID = 2;
    private static final int ACTIVITY_CREATE = 1;

    private final JsonGenerator json;
    private final String productVersion;
    private long written;

    public OcsfFindingWriter(OutputStream out, String productVersion) throws IOException {
        this.json = new JsonFactory().createGenerator(out);
        this.json.setRootValueSeparator(null);
        this.productVersion = productVersion;
    }

    public void write(Finding finding) {
        try {
            writeFinding(finding);
            json.writeRaw('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long written() {
        return written;
    }

    private void writeFinding(Finding finding) throws IOException {
        json.writeStartObject();
        json.writeNumberField("class_uid", CLASS_UID);
        json.writeStringField("class_name", "Detection Finding");
        json.writeNumberField("category_uid", CATEGORY_UID);
        json.writeStringField("category_name", "Findings");
        json.writeNumberField("activity_id", ACTIVITY_CREATE);
        json.writeStringField("activity_name", "Create");
        json.writeNumberField("type_uid", CLASS_UID * 100L + ACTIVITY_CREATE);
        json.writeNumberField("time", EventTime.millis(finding.lastSeenMicros()));
        json.writeNumberField("start_time", EventTime.millis(finding.firstSeenMicros()));
        json.writeNumberField("end_time", EventTime.millis(finding.lastSeenMicros()));
        json.writeStringField("message", finding.reason());
        json.writeNumberField("severity_id", finding.severity().ocsfId());
        json.writeStringField("severity", finding.severity().label());
        json.writeNumberField("risk_score", Math.round(finding.score() * 100));
        json.writeNumberField("confidence_score", Math.round(finding.confidence() * 100));
        json.writeNumberField("status_id", 1);
        json.writeStringField("status", "New");

        json.writeObjectFieldStart("metadata");
        json.writeStringField("version", OCSF_VERSION);
        json.writeObjectFieldStart("product");
        json.writeStringField("name", "stagehunt");
        json.writeStringField("vendor_name", "stagehunt");
        json.writeStringField("version", productVersion);
        json.writeEndObject();
        json.writeEndObject();

        json.writeObjectFieldStart("finding_info");
        json.writeStringField("uid", finding.uid());
        json.writeStringField("title", finding.title());
        json.writeStringField("desc", finding.reason());
        json.writeNumberField("first_seen_time", EventTime.millis(finding.firstSeenMicros()));
        json.writeNumberField("last_seen_time", EventTime.millis(finding.lastSeenMicros()));
        json.writeObjectFieldStart("analytic");
        json.writeStringField("name", finding.detectorId());
        json.writeStringField("uid", finding.detectorId());
        json.writeNumberField("type_id", 1);
        json.writeStringField("type", "Rule");
        json.writeEndObject();
        json.writeArrayFieldStart("attacks");
        for (String id : finding.techniques()) {
            Attack.Technique technique = Attack.technique(id);
            json.writeStartObject();
            json.writeObjectFieldStart("technique");
            json.writeStringField("uid", technique.id());
            json.writeStringField("name", technique.name());
            json.writeEndObject();
            json.writeObjectFieldStart("tactic");
            json.writeStringField("uid", technique.tacticId());
            json.writeStringField("name", technique.tacticName());
            json.writeEndObject();
            json.writeStringField("version", "v15");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();

        json.writeObjectFieldStart("device");
        if (finding.host().ip() != null) {
            json.writeStringField("ip", finding.host().ip().toString());
        }
        if (finding.host().hostname() != null) {
            json.writeStringField("hostname", finding.host().hostname());
        }
        json.writeNumberField("type_id", 0);
        json.writeEndObject();

        json.writeArrayFieldStart("evidences");
        json.writeStartObject();
        json.writeObjectFieldStart("dst_endpoint");
        if (finding.destination().ip() != null) {
            json.writeStringField("ip", finding.destination().ip().toString());
        }
        if (finding.destination().domain() != null) {
            json.writeStringField("hostname", finding.destination().domain());
        }
        if (finding.destination().port() >= 0) {
            json.writeNumberField("port", finding.destination().port());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("src_endpoint");
        if (finding.host().ip() != null) {
            json.writeStringField("ip", finding.host().ip().toString());
        }
        if (finding.host().hostname() != null) {
            json.writeStringField("hostname", finding.host().hostname());
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();

        json.writeObjectFieldStart("unmapped");
        json.writeArrayFieldStart("signals");
        for (Signal signal : finding.signals()) {
            json.writeStartObject();
            json.writeStringField("name", signal.name());
            json.writeStringField("observed", signal.observed());
            if (signal.baseline() != null) {
                json.writeStringField("baseline", signal.baseline());
            }
            json.writeNumberField("contribution", round(signal.contribution()));
            json.writeNumberField("share", finding.score() > 0 ? round(signal.contribution() / finding.score()) : 0);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("raw_records");
        for (Provenance provenance : finding.evidence()) {
            json.writeStartObject();
            json.writeStringField("file", provenance.source().path());
            json.writeNumberField("record", provenance.record());
            json.writeStringField("format", provenance.source().format());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("first_seen", EventTime.iso(finding.firstSeenMicros()));
        json.writeStringField("last_seen", EventTime.iso(finding.lastSeenMicros()));
        json.writeEndObject();
        json.writeEndObject();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
