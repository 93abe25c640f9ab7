package io.stagehunt.detect.dga;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordListTest {

    private static final WordList WORDS = WordList.of(List.of("green", "valley", "farm", "organic", "cam", "camera",
            "cameras", "the", "competitive", "x", "toolongwordforthelist", "ab-c"));

    @ParameterizedTest(name = "{0}: {1} letters in {2} words")
    @CsvSource({
        "greenvalleyorganicfarm, 22, 4",
        "competitivecameras, 18, 2",
        "thecameras, 10, 2",
        "xqzgreenkv, 5, 1",
        "qwxzkv, 0, 0",
        "green-valley, 11, 2",
        "farm2024, 4, 1",
        "'', 0, 0",
    })
    void segmentsALabelIntoTheWordsThatCoverTheMostLetters(String label, int covered, int words) {
        WordList.Segmentation segmentation = WORDS.segment(label);

        assertThat(segmentation.coveredLetters()).isEqualTo(covered);
        assertThat(segmentation.words()).isEqualTo(words);
    }

    @Test
    void keepsOnlyWordsOfThreeToTwelveLetters() {
        assertThat(WORDS.contains("green")).isTrue();
        assertThat(WORDS.contains("x")).isFalse();
        assertThat(WORDS.contains("toolongwordforthelist")).isFalse();
        assertThat(WORDS.contains("ab-c")).isFalse();
        assertThat(WORDS.words()).containsExactly("cam", "camera", "cameras", "competitive", "farm", "green",
                "organic", "the", "valley");
    }
}
