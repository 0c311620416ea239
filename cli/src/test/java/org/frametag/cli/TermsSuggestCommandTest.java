package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermsSuggestCommandTest {

    @TempDir
    Path dir;

    Path pack;
    Path corpus;

    @BeforeEach
    void packAndCorpus() {
        pack = Cli.pack(dir.resolve("pack"));
        corpus = dir.resolve("corpus");
        Cli.write(corpus, "a.txt", "They warned of foreign intervention in the vote. The weather was mild.\n");
        Cli.write(corpus, "b.txt", "Foreign intervention worried the ministers. The market rose.\n");
        Cli.write(corpus, "c.txt", "Critics feared foreign intervention and foreign meddling. The team won the cup.\n");
        Cli.write(corpus, "d.txt", "A foreign tourist paid a lobbyist. A foreign bank hired a lobbyist. A foreign firm paid a lobbyist.\n");
    }

    @Test
    void ranksWhatTheCorpusUsesFirstWithTheTagsEachEntryWouldGain() {
        Cli r = Cli.run("terms", "suggest", "interference", "--rules", pack.toString(), "--corpus", corpus.toString(),
                "--limit", "3");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                entry         source      count  gained  lost  from / example
                intervention  synonym         3      +2    -0  interference
                                                                 "They warned of foreign intervention in the vote."
                lobbyist      corpus          3      +3    -0  foreign interference
                                                                 "A foreign tourist paid a lobbyist."
                interfere     derivation      0      +0    -0  interference
                """);
        assertThat(r.exit()).isEqualTo(0);
    }

    @Test
    void printsOneJsonObjectPerCandidate() {
        Cli r = Cli.run("terms", "suggest", "interference", "--rules", pack.toString(), "--corpus", corpus.toString(),
                "-n", "2", "--format", "jsonl");
        assertThat(r.out()).isEqualTo("""
                {"entry":"intervention","source":"SYNONYM","from":"interference","count":3,"example":"They warned of foreign intervention in the vote.","gained":2,"lost":0}
                {"entry":"lobbyist","source":"CORPUS","from":"foreign interference","count":3,"example":"A foreign tourist paid a lobbyist.","gained":3,"lost":0}
                """);
    }

    @Test
    void withoutACorpusSuggestsFromWordNetAlone() {
        Cli r = Cli.run("terms", "suggest", "interference", "--rules", pack.toString(), "-n", "2");
        assertThat(r.out()).isEqualTo("""
                entry         source      from
                intervention  synonym     interference
                interfere     derivation  interference
                """);
    }

    @Test
    void anUnknownListIsAnErrorThatNamesTheLists() {
        Cli r = Cli.run("terms", "suggest", "hacking", "--rules", pack.toString());
        assertThat(r.err()).isEqualTo("frametag: the pack has no term list \"hacking\" (terms/hacking.txt); "
                + "its lists are [foreign, interference, sovereignty]\n");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void aDocumentThatCannotBeReadIsReportedAndTheRestCounted() {
        Cli.write(corpus, "e.jsonl", "{not json\n");
        Cli r = Cli.run("terms", "suggest", "interference", "--rules", pack.toString(), "--corpus", corpus.toString(),
                "-n", "1", "--format", "jsonl");
        assertThat(r.out()).startsWith("{\"entry\":\"intervention\"");
        assertThat(r.err()).contains("e.jsonl");
        assertThat(r.exit()).isEqualTo(2);
    }
}
