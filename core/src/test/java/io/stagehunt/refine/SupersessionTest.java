package io.stagehunt.refine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.Destination;
import io.stagehunt.detect.Finding;
import io.stagehunt.detect.Signal;
import io.stagehunt.event.Host;
import io.stagehunt.net.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupersessionTest {

    private static final long HOUR = 3_600_000_000L;
    private static final Host HOST = Host.of(IpAddress.parse("10.136.0.18"));
    private static final Destination C2 = new Destination(null, "www.honestimnotevil.com", 443);

    @Test
    void keepsOnlyTheLastViewOfAChannelReportedTwiceOverOverlappingSpans() {
        Finding interim = finding("beacon", C2, 0, 24 * HOUR);
        Finding last = finding("beacon", C2, 3 * HOUR, 27 * HOUR);

        List<Finding> kept = Supersession.latestViews(List.of(interim, last));

        assertThat(kept).extracting(Finding::uid).containsExactly(last.uid());
        assertThat(kept.get(0).score()).isEqualTo(last.score());
        assertThat(kept.get(0).signals()).filteredOn(signal -> signal.name().equals("episode")).singleElement()
                .satisfies(episode -> {
                    assertThat(episode.observed()).isEqualTo("reported 2 times; channel seen since "
                            + io.stagehunt.event.EventTime.iso(0));
                    assertThat(episode.contribution()).isZero();
                });
    }

    @Test
    void dailyReportsThatAbutAreOneEpisodeAndOnlyTheLastIsKept() {
        long period = 15 * 60_000_000L;
        Finding monday = finding("beacon", C2, 0, 24 * HOUR - period);
        Finding tuesday = finding("beacon", C2, 24 * HOUR, 48 * HOUR - period);
        Finding wednesday = finding("beacon", C2, 48 * HOUR, 60 * HOUR);

        List<Finding> kept = Supersession.latestViews(List.of(tuesday, wednesday, monday));

        assertThat(kept).extracting(Finding::uid).containsExactly(wednesday.uid());
        assertThat(kept.get(0).signals()).extracting(Signal::observed)
                .contains("reported 3 times; channel seen since " + io.stagehunt.event.EventTime.iso(0));
    }

    @Test
    void reportsMoreThanAnHourApartStayApart() {
        Finding morning = finding("beacon", C2, 0, 4 * HOUR);
        Finding evening = finding("beacon", C2, 5 * HOUR + 1, 9 * HOUR);

        assertThat(Supersession.latestViews(List.of(morning, evening))).containsExactly(morning, evening);
    }

    @Test
    void keepsSeparateEpisodesOtherDestinationsAndOtherDetectors() {
        Finding monday = finding("beacon", C2, 0, 2 * HOUR);
        Finding friday = finding("beacon", C2, 96 * HOUR, 98 * HOUR);
        Finding other = finding("beacon", new Destination(null, "www.google.com", 443), HOUR, 3 * HOUR);
        Finding longConnection = finding("long-connection", C2, HOUR, 3 * HOUR);

        assertThat(Supersession.latestViews(List.of(monday, friday, other, longConnection)))
                .containsExactly(monday, friday, other, longConnection);
    }

    private static Finding finding(String detector, Destination destination, long first, long last) {
        List<Signal> signals = List.of(new Signal("periodicity", "every 4.2 min", null, 0.9));
        return new Finding(Finding.uidOf(detector, HOST, destination, first), detector, "Beacon", List.of("T1104"),
                HOST, destination, first, last, 0.9, 0.8, "A reason.", signals, List.of());
    }
}
