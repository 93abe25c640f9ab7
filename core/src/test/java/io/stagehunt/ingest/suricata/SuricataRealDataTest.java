package io.stagehunt.ingest.suricata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.HttpRequest;
import io.stagehunt.event.SensorAlert;
import io.stagehunt.event.TlsSession;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.ReaderFixture;
import io.stagehunt.ingest.InputDiscovery;
import io.stagehunt.ingest.StandardFormats;
import io.stagehunt.net.IpAddress;
import io.stagehunt.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every EVE file of {@code ../shared/data/suricata} (Slips' sample and EVE made with Suricata 7 from the lab,
 * Slips and PCAP-ATTACK captures): recognized, read without loss, and holding the activity the captures are
 * known for.
 */
class SuricataRealDataTest {

    private static final ObjectMapper TREE = new ObjectMapper();

    private static List<DiscoveredInput> inputs() {
        return new InputDiscovery(StandardFormats.registry()).discover(List.of(SharedData.path("suricata")));
    }

    private static ReaderFixture read(String nameFragment) {
        DiscoveredInput input = inputs().stream().filter(candidate -> candidate.displayPath().contains(nameFragment))
                .findFirst().orElseThrow(() -> new AssertionError("no input named like " + nameFragment));
        return ReaderFixture.read(input);
    }

    @Test
    void everyFileIsRecognizedAndReadWithoutLoss() {
        List<DiscoveredInput> inputs = inputs();

        assertThat(inputs).hasSizeGreaterThanOrEqualTo(13);
        for (DiscoveredInput input : inputs) {
            assertThat(input.format()).as(input.displayPath()).isNotNull();
            assertThat(input.format().id()).as(input.displayPath()).isEqualTo(SuricataEveFormat.ID);
            ReaderFixture result = ReaderFixture.read(input);
            assertThat(result.account().balanced()).as(input.displayPath()).isTrue();
            assertThat(result.account().quarantined()).as(input.displayPath() + " "
                    + result.account().quarantineReasons()).isZero();
            assertThat(result.events()).as(input.displayPath()).isNotEmpty();
        }
    }

    @Test
    void dnsGivesOneEventPerTransaction() throws IOException {
        for (DiscoveredInput input : inputs()) {
            Set<String> transactions = new HashSet<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(input.input().openDecoded(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    JsonNode record = TREE.readTree(line);
                    if (record.path("event_type").asText().equals("dns")) {
                        transactions.add(record.get("flow_id").asText() + "/" + record.path("dns").get("id").asText());
                    }
                }
            }

            List<DnsQuery> queries = ReaderFixture.read(input).of(DnsQuery.class);

            assertThat(queries).as(input.displayPath()).hasSize(transactions.size());
        }
    }

    @Test
    void testCcCaptureOneHoldsTheTwoSecondTlsBeaconToTestingCom() {
        List<TlsSession> toTestingCom = read("test-cc-capture-1").of(TlsSession.class).stream()
                .filter(session -> "testing.com".equals(session.serverName())).toList();
        List<TlsSession> beacon = toTestingCom.stream()
                .filter(session -> session.server().equals(IpAddress.parse("141.193.213.21"))).toList();

        assertThat(beacon).hasSizeGreaterThan(250);
        assertThat(toTestingCom).allSatisfy(session -> {
            assertThat(session.client()).isEqualTo(IpAddress.parse("147.32.80.37"));
            assertThat(session.serverPort()).isEqualTo(443);
            assertThat(session.established()).isTrue();
        });
        long[] gaps = new long[beacon.size() - 1];
        for (int i = 1; i < beacon.size(); i++) {
            gaps[i - 1] = beacon.get(i).timeMicros() - beacon.get(i - 1).timeMicros();
        }
        Arrays.sort(gaps);
        assertThat(gaps[gaps.length / 2]).isBetween(1_800_000L, 2_500_000L);
    }

    @Test
    void empireCaptureHoldsTheBeaconRequestsToItsListener() {
        List<HttpRequest> toListener = read("Empire.pcap").of(HttpRequest.class).stream()
                .filter(request -> request.server().equals(IpAddress.parse("192.168.1.161")))
                .toList();

        assertThat(toListener).isNotEmpty().allSatisfy(request -> {
            assertThat(request.serverPort()).isEqualTo(80);
            assertThat(request.client()).isEqualTo(IpAddress.parse("192.168.1.46"));
        });
        assertThat(toListener).extracting(HttpRequest::uri)
                .contains("/admin/get.php", "/login/process.jsp", "/news.asp");
    }

    @Test
    void dnsTxtCaptureHoldsAnsweredTxtQueriesUnderTheCommandDomain() {
        List<DnsQuery> commands = read("cmds_over_dns_txt").of(DnsQuery.class).stream()
                .filter(query -> query.query().endsWith(".ns.ostrykebs.pl")).toList();

        assertThat(commands).hasSizeGreaterThan(10).allSatisfy(query -> {
            assertThat(query.queryType()).isEqualTo(16);
            assertThat(query.client()).isEqualTo(IpAddress.parse("192.168.100.121"));
        });
        assertThat(commands).filteredOn(query -> query.responseCode() == 0 && !query.answers().isEmpty())
                .isNotEmpty();
    }

    @Test
    void slipsSampleHoldsItsAlerts() {
        List<SensorAlert> alerts = read("test6-malicious").of(SensorAlert.class);

        assertThat(alerts).isNotEmpty();
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.sensor()).isEqualTo("suricata");
            assertThat(alert.signature()).isNotBlank();
            assertThat(alert.severity()).isBetween(1, 4);
        });
    }
}
