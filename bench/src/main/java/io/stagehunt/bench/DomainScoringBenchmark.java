package io.stagehunt.bench;

import io.stagehunt.detect.dga.DomainScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Domains scored per second by the generated-name scorer, beside a plain Shannon entropy of the same names
 * (the cheapest lexical DGA measure there is) as the baseline, in the same run. The names are made up here: a
 * seeded mix of ordinary hostnames and random-letter, alphanumeric and hexadecimal ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DomainScoringBenchmark {

    static final int NAMES = 4096;

    private final List<String> names = new ArrayList<>();
    private DomainScorer scorer;

    @Setup
    public void setUp() {
        scorer = DomainScorer.standard();
        names.clear();
        names.addAll(names(new Random(1104), NAMES));
        scorer.score(names.get(0));
    }

    @Benchmark
    @OperationsPerInvocation(NAMES)
    public void score(Blackhole blackhole) {
        for (String name : names) {
            blackhole.consume(scorer.score(name).score());
        }
    }

    @Benchmark
    @OperationsPerInvocation(NAMES)
    public void shannonEntropyBaseline(Blackhole blackhole) {
        int[] counts = new int[128];
        for (String name : names) {
            java.util.Arrays.fill(counts, 0);
            int length = name.length();
            for (int i = 0; i < length; i++) {
                counts[name.charAt(i) & 127]++;
            }
            double entropy = 0;
            for (int count : counts) {
                if (count > 0) {
                    double p = (double) count / length;
                    entropy -= p * Math.log(p);
                }
            }
            blackhole.consume(entropy / Math.log(2));
        }
    }

    /** A seeded mix: ordinary names from word parts, and generated-looking ones of three shapes. */
    static List<String> names(Random random, int count) {
        String[] words = {"mail", "news", "shop", "cloud", "green", "city", "media", "travel", "bank", "store",
            "static", "cdn", "api", "login", "home", "sport", "music", "photo", "blue", "north"};
        String[] suffixes = {".com", ".net", ".org", ".co.uk", ".de", ".info", ".ru"};
        String[] alphabets = {"abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz0123456789",
            "0123456789abcdef"};
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder();
            if (i % 2 == 0) {
                if (random.nextBoolean()) {
                    name.append(words[random.nextInt(words.length)]).append('.');
                }
                name.append(words[random.nextInt(words.length)]).append(words[random.nextInt(words.length)]);
            } else {
                String alphabet = alphabets[random.nextInt(alphabets.length)];
                int length = 8 + random.nextInt(12);
                for (int j = 0; j < length; j++) {
                    name.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            names.add(name.append(suffixes[random.nextInt(suffixes.length)]).toString());
        }
        return names;
    }
}
