package io.stagehunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(out.toString()).contains("ROC AUC 1.0000", "family0", "made_up_benign", "recall@1%");
        assertThat(err.toString()).contains(":16: a broken line");
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
