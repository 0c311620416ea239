package org.frametag.rules.engine;

import java.util.List;
import org.frametag.rules.facts.DocumentInfo;
import org.frametag.rules.facts.Mention;
import org.frametag.rules.facts.Sentence;
import org.frametag.rules.facts.Tagged;
import org.frametag.rules.facts.Token;

/** The facts rules can match, in one list: compiler messages name them, the rule-base cache is keyed by them. */
final class FactTypes {

    static final List<Class<?>> ALL = List.of(Sentence.class, Token.class, Mention.class, Tagged.class, DocumentInfo.class);

    private FactTypes() {
    }
}
