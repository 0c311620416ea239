package org.frametag.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.frametag.api.RulePackException;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact tags for a handful of seed sentences per category, codebook traps included: a change
 * to the bundled pack that alters any of them shows here with the sentence and rules named.
 */
class SeedTagsTest {

    private static SentenceResult sentence(String doc, int start) throws RulePackException {
        return Seeds.classified().stream()
                .filter(d -> d.id().equals(doc))
                .flatMap(d -> d.sentences().stream())
                .filter(s -> s.sentence().start() == start)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sentence of " + doc + " starts at " + start));
    }

    private static Set<String> split(String list) {
        return list.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(list.split("\\s*;\\s*")));
    }

    @ParameterizedTest(name = "{0} @{1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            000_f2b259ef6d075bec |   17 | FOREIGN_INTERFERENCE | interference from outside; interference in an article about elections; interference in an election or in politics
            000_f2b259ef6d075bec |  446 | SOVEREIGNTY | sovereignty named
            000_f2b259ef6d075bec | 1847 | |
            001_6ddbb2649f756b29 | 1593 | ELECTORAL_TECHNOLOGY | general technology in an article about elections; general technology put to an election's use
            001_6ddbb2649f756b29 | 1728 | ELECTORAL_TECHNOLOGY | the technology named again
            001_6ddbb2649f756b29 | 2604 | |
            001_6ddbb2649f756b29 | 2729 | TRUST_FIGURES | change in trust in elections; trust in an election body, then its rise or fall
            001_6ddbb2649f756b29 | 3000 | TRUST_FIGURES | poll share judging elections; share of people trusting elections; survey of trust in elections
            002_dc6ea701c85f530b |  226 | |
            002_dc6ea701c85f530b | 3776 | FOREIGN_INTERFERENCE; SOVEREIGNTY | a vote defended against interference; interference coming from a named state; interference from outside; interference in an article about elections; interference in an election or in politics; outsiders placing their own people in the nation's bodies; outsiders placing their people in government
            003_3f2ad493488ab327 |  663 | DELEGITIMIZATION | called illegitimate; results recognised or not
            003_3f2ad493488ab327 | 1539 | DELEGITIMIZATION | results recognised or not
            003_3f2ad493488ab327 | 2189 | SECURITY_INCIDENT | a liquid poured into ballot boxes; a named building set on fire; a target set on fire; election property damaged; the incident named again
            003_3f2ad493488ab327 | 2504 | ELECTORAL_TECHNOLOGY; SECURITY_INCIDENT | a cyberattack on the systems of a vote; a device that runs the vote; an election body's systems open to hackers; attack carried out; concrete attack named; cyberattacks aimed at the vote; election systems and the hacking they face; election systems hacked; election systems hacked or probed; hacking named; the attack named again in an article about attacks; voting done by technology; voting technology hacked; voting technology named
            003_3f2ad493488ab327 | 3253 | FOREIGN_INTERFERENCE; SECURITY_INCIDENT | a state attacking the vote; attack by an attacker or with a weapon; attack on a concrete target; concrete attack named; outside attack on the vote; strikes by artillery, drones or aircraft; the attack named again in an article about attacks; the incident named again
            003_3f2ad493488ab327 | 4020 | FOREIGN_INTERFERENCE; SOVEREIGNTY | a sovereign state or right; interference from outside; interference in a named nation's affairs; interference in an article about elections; interference in an election or in politics; non-interference as a principle
            """)
    void sentenceHasExactlyTheseTags(String doc, int start, String categories, String rules) throws RulePackException {
        SentenceResult result = sentence(doc, start);

        assertThat(result.categories()).as(result.sentence().text()).isEqualTo(split(categories == null ? "" : categories));
        assertThat(new TreeSet<>(result.tags().stream().map(Tag::rule).toList())).as(result.sentence().text())
                .isEqualTo(split(rules == null ? "" : rules));
    }
}
