package io.stagehunt.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.stagehunt.engine.RunSummary;
import io.stagehunt.event.EventTime;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.net.Cidr;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes {@code ingest.json}: per input its format and ledger ({@code read == produced + skipped_by_design +
 * quarantined}) with up to 20 located quarantine samples, the totals, the network scope the run settled on,
 * and each detector's state at its peak and at the end.
 */
public final class IngestReportWriter {

    private IngestReportWriter() {
    }

    public static void write(RunSummary summary, boolean scopeFromUser, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            writeTotals(summary, json);
            writeScope(summary, scopeFromUser, json);
            json.writeArrayFieldStart("files");
            for (FileAccount account : summary.accounts()) {
                writeFile(account, json);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("detectors");
            for (RunSummary.DetectorStats detector : summary.detectors()) {
                json.writeStartObject();
                json.writeStringField("id", detector.id());
                json.writeNumberField("events", detector.events());
                json.writeNumberField("peak_keys", detector.peakKeys());
                json.writeNumberField("keys_left", detector.keysLeft());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeTotals(RunSummary summary, JsonGenerator json) throws IOException {
        long read = 0;
        long produced = 0;
        long skipped = 0;
        long quarantined = 0;
        long events = 0;
        long readable = 0;
        for (FileAccount account : summary.accounts()) {
            read += account.read();
            produced += account.produced();
            skipped += account.skippedByDesign();
            quarantined += account.quarantined();
            events += account.events();
            if (account.format() != null) {
                readable++;
            }
        }
        json.writeObjectFieldStart("totals");
        json.writeNumberField("files", summary.accounts().size());
        json.writeNumberField("files_read", readable);
        json.writeNumberField("files_not_read", summary.accounts().size() - readable);
        json.writeNumberField("read", read);
        json.writeNumberField("produced", produced);
        json.writeNumberField("skipped_by_design", skipped);
        json.writeNumberField("quarantined", quarantined);
        json.writeNumberField("events", events);
        json.writeNumberField("events_delivered", summary.events());
        json.writeNumberField("late_events", summary.lateEvents());
        json.writeNumberField("peak_reorder_buffer", summary.peakBuffered());
        json.writeBooleanField("balanced", summary.balanced());
        if (summary.events() > 0) {
            json.writeStringField("first_event", EventTime.iso(summary.firstEventMicros()));
            json.writeStringField("last_event", EventTime.iso(summary.lastEventMicros()));
        }
        json.writeEndObject();
    }

    private static void writeScope(RunSummary summary, boolean scopeFromUser, JsonGenerator json)
            throws IOException {
        json.writeObjectFieldStart("network_scope");
        json.writeStringField("source", scopeFromUser ? "--internal" : "default");
        json.writeArrayFieldStart("internal");
        for (Cidr range : summary.scope().ranges()) {
            json.writeString(range.toString());
        }
        json.writeEndArray();
        json.writeBooleanField("internal_addresses_seen", summary.internalSeen());
        json.writeArrayFieldStart("sensor_addresses");
        for (Cidr address : summary.sensorAddresses()) {
            json.writeString(address.first().toString());
        }
        json.writeEndArray();
        if (!summary.internalSeen()) {
            json.writeStringField("note", summary.sensorAddresses().isEmpty()
                    ? "the inputs hold no internal address; pass --internal to name the defended networks"
                    : "the inputs hold no internal address (an internet-facing sensor?): the responders of most "
                            + "inbound connections are treated as the internal hosts");
        }
        json.writeEndObject();
    }

    private static void writeFile(FileAccount account, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("path", account.path());
        json.writeStringField("format", account.format() == null ? "unknown" : account.format());
        if (account.note() != null) {
            json.writeStringField("note", account.note());
        }
        json.writeNumberField("read", account.read());
        json.writeNumberField("produced", account.produced());
        json.writeNumberField("skipped_by_design", account.skippedByDesign());
        json.writeNumberField("quarantined", account.quarantined());
        json.writeNumberField("events", account.events());
        json.writeNumberField("bytes", account.bytes());
        json.writeBooleanField("balanced", account.balanced());
        writeCounts("skipped_reasons", account.skipReasons(), json);
        writeCounts("quarantine_reasons", account.quarantineReasons(), json);
        json.writeArrayFieldStart("quarantine_samples");
        for (FileAccount.QuarantineEntry entry : account.samples()) {
            json.writeStartObject();
            json.writeStringField("file", entry.file());
            json.writeNumberField("line", entry.line());
            json.writeStringField("reason", entry.reason());
            json.writeStringField("excerpt", entry.excerpt());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeCounts(String name, Map<String, Long> counts, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
