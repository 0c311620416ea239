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
}
