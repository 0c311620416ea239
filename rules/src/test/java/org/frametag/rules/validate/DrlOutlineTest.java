package org.frametag.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.frametag.rules.facts.Token;
import org.frametag.rules.pack.DrlOutline;
import org.frametag.rules.pack.PackOutline;
import org.frametag.rules.pack.PackFile;
import org.junit.jupiter.api.Test;

/**
 * Lives outside the package {@code org.frametag.rules.pack}: a test class there would put a
 * folder of that name first on the test classpath and hide the bundled pack's resources.
 */
class DrlOutlineTest {

    @Test
    void findsRulesCategoriesAndConceptsWithTheirPlaces() {
        DrlOutline outline = DrlOutline.of(new PackFile("a.drl", """
                package p
                // rule "commented out"
                rule "first" // tagger.tag($s, "NOT_THIS")
                    @example("See http://example.org // not a comment")
                when
                    $m : Mention(concept == "a" || == "b")
                    $n : Mention(concept in ("c", "d"), text != "concept == \\"e\\"")
                then
                    tagger.tag($s, "ONE");
                end
                /* rule "ghost" when then end */
                rule second
                when
                    $m : Mention(concept not in ("f"))
                then
                    tagger.tag( $s ,"TWO" );
                    tagger.tag($s, "COMPUTED_" + "ELSEWHERE");
                end
                """));
        assertThat(outline.rules()).extracting(DrlOutline.RuleDecl::name).containsExactly("first", "second");
        DrlOutline.RuleDecl first = outline.rules().get(0);
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.hasExamples()).isTrue();
        assertThat(first.categories()).containsExactly(new DrlOutline.Literal("ONE", 9, 20));
        assertThat(first.concepts()).containsExactly(new DrlOutline.Literal("a", 6, 29),
                new DrlOutline.Literal("b", 6, 39), new DrlOutline.Literal("c", 7, 30), new DrlOutline.Literal("d", 7, 35));
        DrlOutline.RuleDecl second = outline.rules().get(1);
        assertThat(second.hasExamples()).isFalse();
        assertThat(second.categories()).extracting(DrlOutline.Literal::value).isEqualTo(List.of("TWO"));
        assertThat(second.concepts()).extracting(DrlOutline.Literal::value).isEqualTo(List.of("f"));
    }

    @Test
    void readsWindowsLineEndingsFactTypesAndRulesAfterASyntaxError() {
        DrlOutline outline = DrlOutline.of(new PackFile("b.drl", String.join("\r\n",
                "package p",
                "import org.frametag.rules.facts.*",
                "rule \"broken\"",
                "when",
                "    $m : Mention(concept == \"a\"",
                "then",
                "    tagger.tag($s, \"ONE\");",
                "end",
                "rule \"fine\"",
                "when",
                "    $t : Token(text == \"x\")",
                "    $m : Mention(concept in (\"b\",",
                "                            \"c\"))",
                "then",
                "    tagger.tag($s, \"TWO\");",
                "end",
                "")));

        assertThat(outline.rules()).extracting(DrlOutline.RuleDecl::name).containsExactly("broken", "fine");
        assertThat(outline.rules().get(0).concepts()).containsExactly(new DrlOutline.Literal("a", 5, 29));
        assertThat(outline.rules().get(0).categories()).containsExactly(new DrlOutline.Literal("ONE", 7, 20));
        DrlOutline.RuleDecl fine = outline.rules().get(1);
        assertThat(fine.line()).isEqualTo(9);
        assertThat(fine.concepts()).containsExactly(new DrlOutline.Literal("b", 12, 30), new DrlOutline.Literal("c", 13, 29));
        assertThat(outline.types()).contains("org.frametag.rules.facts.*", "Token", "Mention");
        assertThat(new PackOutline(List.of(outline)).uses(Token.class)).isTrue();
    }

    @Test
    void aPackThatNeverNamesTokensDoesNotUseThem() {
        DrlOutline outline = DrlOutline.of(new PackFile("c.drl", """
                package p
                import org.frametag.rules.facts.Sentence
                // import org.frametag.rules.facts.Token
                rule "r" when $s : Sentence() then end
                """));

        assertThat(new PackOutline(List.of(outline)).uses(Token.class)).isFalse();
    }
}
