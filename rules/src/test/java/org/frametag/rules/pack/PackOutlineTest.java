package org.frametag.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackOutlineTest {

    @Test
    void anOutlineReadsBackAsItWasWritten() throws IOException {
        PackOutline outline = PackOutline.of(new RulePack("test", List.of(
                new PackFile("a.drl", """
                        package a
                        import org.frametag.rules.facts.*
                        rule "named \\"quoted\\" and é"
                            @example("A sovereign nation.")
                        when
                            $s : Sentence()
                            Mention(sentence == $s.index, concept == "nation")
                            not Tagged(sentence == $s.index, category == "SOVEREIGNTY")
                        then
                            tagger.tag($s, "SOVEREIGNTY");
                        end
                        """),
                new PackFile("b.drl", "package b\n"))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        outline.writeTo(new DataOutputStream(bytes));

        PackOutline read = PackOutline.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read).isEqualTo(outline);
        assertThat(read.rules()).singleElement().satisfies(r -> {
            assertThat(r.rule().name()).isEqualTo("named \"quoted\" and é");
            assertThat(r.rule().concepts()).extracting(DrlOutline.Literal::value).containsExactly("nation");
            assertThat(r.rule().tested()).extracting(DrlOutline.Literal::value).containsExactly("SOVEREIGNTY");
        });
    }
}
