package io.stagehunt.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentAddressesTest {

    private final RecentAddresses recent = new RecentAddresses();

    @Test
    void aRepeatedAddressIsTheSameInstance() {
        IpAddress first = parse("10.20.30.41");

        assertThat(parse("10.20.30.41")).isSameAs(first);
        assertThat(first).isEqualTo(IpAddress.parse("10.20.30.41"));
        assertThat(parse("10.20.30.42")).isEqualTo(IpAddress.parse("10.20.30.42")).isNotSameAs(first);
    }

    @Test
    void everyAddressParsesAsTheParserWouldThoughSlotsCollide() {
        // 20,000 addresses in 4,096 slots: collisions replace, and every answer is still the right address
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            texts.add("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        for (int round = 0; round < 2; round++) {
            for (String text : texts) {
                assertThat(parse(text)).isEqualTo(IpAddress.parse(text));
            }
        }
    }

    @Test
    void otherTextIsLeftToTheFullParser() {
        assertThat(parse("2001:db8::1")).isEqualTo(IpAddress.parse("2001:db8::1"));
        assertThat(parse("fe80::1%eth0")).isEqualTo(IpAddress.parse("fe80::1"));
        assertThat(parse("10.0.0.256")).isNull();
        assertThat(parse("10.0.0")).isNull();
        assertThat(parse("not an address")).isNull();
    }

    @Test
    void readsOnlyTheRangeItIsGiven() {
        byte[] field = "x\t203.0.113.9\ty".getBytes(StandardCharsets.US_ASCII);

        assertThat(recent.parse(field, 2, 13)).isEqualTo(IpAddress.parse("203.0.113.9"));
    }

    private IpAddress parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return recent.parse(bytes, 0, bytes.length);
    }
}
