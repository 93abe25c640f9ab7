package io.stagehunt.refine;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.net.IpAddress;
import org.junit.jupiter.api.Test;

class NameAnswersTest {

    @Test
    void remembersWhichAddressesEachNameWasAnsweredWith() {
        NameAnswers answers = new NameAnswers();
        IpAddress first = IpAddress.parse("34.122.121.32");
        IpAddress second = IpAddress.parse("2620:2d:4000:1::22");
        answers.add("connectivity-check.ubuntu.com", first);
        answers.add("connectivity-check.ubuntu.com", second);

        assertThat(answers.answered("connectivity-check.ubuntu.com")).isTrue();
        assertThat(answers.answered("connectivity-check.ubuntu.com", first)).isTrue();
        assertThat(answers.answered("connectivity-check.ubuntu.com", second)).isTrue();
        assertThat(answers.answered("connectivity-check.ubuntu.com", IpAddress.parse("203.0.113.66"))).isFalse();
        assertThat(answers.answered("nmcheck.gnome.org")).isFalse();
        assertThat(answers.answered("nmcheck.gnome.org", first)).isFalse();
    }

    @Test
    void claimsAPairItNeverSawRarelyAtTwoHundredThousandPairs() {
        NameAnswers answers = new NameAnswers();
        for (int i = 0; i < 200_000; i++) {
            answers.add("host" + i + ".example.com", IpAddress.ofV4(0x0A00_0000 + i));
        }
        int claimed = 0;
        for (int i = 0; i < 100_000; i++) {
            if (answers.answered("host" + i + ".example.com", IpAddress.ofV4(0xC633_6400 + i))) {
                claimed++;
            }
        }
        assertThat(answers.answered("host199999.example.com", IpAddress.ofV4(0x0A00_0000 + 199_999))).isTrue();
        assertThat(claimed).isLessThan(1_000);
    }
}
