package org.frametag.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutableModelDrlTest {

    @Test
    void factMethodsAreQualifiedAndNegatedCallsComparedWithFalse() {
        String drl = """
                $o : Mention(sentence == $s.index, near($t, 6), !overlaps($t), concept in ("a", "b"))
                not Mention(sentence == $s.index, !overlaps(first($x, ($y))), $m.before(this))
                """;

        assertThat(ExecutableModelDrl.rewrite(drl)).isEqualTo("""
                $o : Mention(sentence == $s.index, this.near($t, 6), (this.overlaps($t) == false), concept in ("a", "b"))
                not Mention(sentence == $s.index, (this.overlaps(first($x, ($y))) == false), $m.before(this))
                """);
    }

    @Test
    void aCountIsComparedAsTheLongItIs() {
        String drl = """
                Number(intValue >= 3) from accumulate(Mention(concept == "election"), count(1))
                $n : Number( intValue>=2 ) from accumulate(Mention(concept == "body"), count(1))
                Number(intValue < $n.intValue()) from accumulate(Mention(concept == "vote"), count(1))
                """;

        assertThat(ExecutableModelDrl.rewrite(drl)).isEqualTo("""
                Long(this >= 3) from accumulate(Mention(concept == "election"), count(1))
                $n : Long(this >=2 ) from accumulate(Mention(concept == "body"), count(1))
                Long(this < $n.intValue()) from accumulate(Mention(concept == "vote"), count(1))
                """);
    }

    @Test
    void aWordTestedAgainstAListIsWrittenAsTheComparisonsItStandsFor() {
        String drl = """
                Token(sentence == $s.index, index == $m.last + 1, norm in ("seized", "court"), text not in ("As", "as"))
                Mention(concept in ("a", "b"), text in ("the polls"), $m.getConcept() in ("c"), text.toLowerCase() not in ("run"))
                Token(norm in ( "\\'s" ), norm in ("strong"))
                """;

        assertThat(ExecutableModelDrl.rewrite(drl)).isEqualTo("""
                Token(sentence == $s.index, index == $m.last + 1, (norm == "seized" || norm == "court"), (text != "As" && text != "as"))
                Mention(concept in ("a", "b"), (text == "the polls"), $m.getConcept() in ("c"), text.toLowerCase() not in ("run"))
                Token(norm in ( "\\'s" ), (norm == "strong"))
                """);
    }
}
