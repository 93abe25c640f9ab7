package io.stagehunt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.DetectorContext;
import io.stagehunt.event.Connection;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Event;
import io.stagehunt.event.EventKinds;
import io.stagehunt.event.Host;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.net.NetworkScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineInputKindsTest {

    private static final String CONN = "#separator \\x09\n#path\tconn\n"
            + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tconn_state\n"
            + "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tstring\n"
            + "1710144000.000000\tC1\t10.20.30.41\t50000\t203.0.113.9\t443\ttcp\tssl\tSF\n";
    private static final String DNS = "#separator \\x09\n#path\tdns\n"
            + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tquery\n"
            + "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\n"
            + "1710143999.000000\tD1\t10.20.30.41\t50001\t10.20.30.2\t53\tudp\texample.com\n";
    private static final String EVE = "{\"timestamp\":\"2024-03-11T08:00:05.000000+0000\",\"flow_id\":7,"
            + "\"event_type\":\"flow\",\"src_ip\":\"10.20.30.41\",\"src_port\":50002,\"dest_ip\":\"203.0.113.9\","
            + "\"dest_port\":443,\"proto\":\"TCP\",\"app_proto\":\"tls\",\"flow\":{\"pkts_toserver\":3,"
            + "\"pkts_toclient\":3,\"bytes_toserver\":400,\"bytes_toclient\":900,"
            + "\"start\":\"2024-03-11T08:00:05.000000+0000\",\"end\":\"2024-03-11T08:00:06.000000+0000\","
            + "\"state\":\"closed\"}}\n";

    @TempDir
    Path folder;

    @Test
    void detectorsLearnWhatTheInputsCanProduceFromTheirHeaders() throws IOException {
        Files.writeString(folder.resolve("conn.log"), CONN);
        Files.writeString(folder.resolve("dns.log"), DNS);

        assertThat(kindsSeenBy(folder)).containsOnly(EventKinds.of(Connection.class, DnsQuery.class));
    }

    @Test
    void oneInputThatCannotTellMakesAnyKindPossible() throws IOException {
        Files.writeString(folder.resolve("conn.log"), CONN);
        Files.writeString(folder.resolve("eve.json"), EVE);

        assertThat(kindsSeenBy(folder)).isNotEmpty().containsOnly(EventKinds.ANY);
    }

    private static List<EventKinds> kindsSeenBy(Path folder) {
        KindsRecorder recorder = new KindsRecorder();
        RunSummary summary = new Pipeline(List.of(recorder), finding -> { }, Pipeline.Settings.DEFAULT)
                .run(new InputDiscovery(StandardFormats.registry()).discover(List.of(folder)),
                        NetworkScope.defaults(), null);
        assertThat(summary.events()).isPositive();
        return recorder.seen;
    }

    /** Notes, for every connection, what its context says the inputs can produce; keeps no state. */
    private static final class KindsRecorder extends ConnectionsByHost<Boolean> {
        final List<EventKinds> seen = new ArrayList<>();

        KindsRecorder() {
            super("kinds");
        }

        @Override
        public Boolean onEvent(Host key, Boolean state, Event event, DetectorContext context) {
            seen.add(context.inputKinds());
            return null;
        }

        @Override
        public Boolean onTimer(Host key, Boolean state, long timeMicros, DetectorContext context) {
            return null;
        }
    }
}
