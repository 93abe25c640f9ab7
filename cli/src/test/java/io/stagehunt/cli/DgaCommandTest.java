package io.stagehunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagehunt.detect.dga.training.DgaModelTrainer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DgaCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsAucAndAPerFamilyTable() throws IOException {
        StringBuilder csv = new StringBuilder("domain,label,family,source_file\n");
        String[] benign = {"greenvalleyfarm.com", "citybikeshop.net", "mountainlodge.org", "riverside-dental.com",
            "bakerystreet.co.uk", "oceanviewhotel.com", "sunnydaycare.org", "bluemoonbistro.com"};
        for (String name : benign) {
            csv.append(name).append(",benign,made_up_benign,test\n");
        }
        String[] generated = {"qxzvkjwpbt.com", "zkqjxwvbnm.net", "pqzkxjwvbt.org", "wxkqzjvbtr.info",
            "jzqxvkwpmb.biz", "vbqzkxjwpt.ru"};
        for (int i = 0; i < generated.length; i++) {
            csv.append(generated[i]).append(",dga,family").append(i % 3).append(",test\n");
        }
        csv.append("a broken line\n");
        Path file = folder.resolve("labelled.csv");
        Files.writeString(file, csv);

        int status = run("dga", "evaluate", file.toString());

        assertThat(status).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).contains("ROC AUC 1.0000", "family0", "made_up_benign", "recall@1%",
                "Benign names costing the most AUC", "the 8 costliest 0.0000 together");
        assertThat(err.toString()).contains(":16: a broken line");
    }

    @Test
    void measuresTheModelGivenWithModelInsteadOfTheShippedOne() throws IOException {
        Path file = folder.resolve("labelled.csv");
        Files.writeString(file, "domain,label,family,source_file\n"
                + "greenvalleyfarm.com,benign,made_up_benign,test\n"
                + "citybikeshop.net,benign,made_up_benign,test\n"
                + "qxzvkjwpbt.com,dga,family0,test\n"
                + "zkqjxwvbnm.net,dga,family1,test\n");
        // A model trained on the generated names as popular ones finds them ordinary and the benign names odd.
        List<String> listed = List.of("qxzvkjwpbt.com", "zkqjxwvbnm.net", "www.qxzvkjwpbt.com", "mail.zkqjxwvbnm.net",
                "static.qxzvkjwpbt.com");
        Path model = folder.resolve("model.bin");
        try (OutputStream stream = Files.newOutputStream(model)) {
            DgaModelTrainer.train(listed, List.of(), List.of()).model().write(stream);
        }

        int status = run("dga", "evaluate", "--model", model.toString(), file.toString());

        assertThat(status).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).contains("shipped (no malware names in training): ROC AUC 0.0000");
    }

    @Test
    void refusesAModelFileThatIsNotOne() throws IOException {
        Path file = folder.resolve("labelled.csv");
        Files.writeString(file, "domain,label,family,source_file\nqxzvkjwpbt.com,dga,family0,test\n");
        Path junk = folder.resolve("junk.bin");
        Files.writeString(junk, "not a model");

        int status = run("dga", "evaluate", "--model", junk.toString(), file.toString());

        assertThat(status).isNotEqualTo(Main.EXIT_OK);
        assertThat(err.toString()).contains("not a stagehunt DGA model");
    }

    @Test
    void exitsWithThreeWhenTheLabelledFileIsMissing() {
        assertThat(run("dga", "evaluate", folder.resolve("none.csv").toString())).isEqualTo(Main.EXIT_NO_INPUT);
    }

    @Test
    void exitsWithTwoWhenTheWarninglistFolderIsMissing() {
        int status = run("dga", "train", "--warninglists", folder.resolve("none").toString(), "--out",
                folder.resolve("model.bin").toString());

        assertThat(status).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("--warninglists: not a folder");
        assertThat(folder.resolve("model.bin")).doesNotExist();
    }

    private int run(String... args) {
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            return Main.run(outWriter, errWriter, args);
        }
    }
}
