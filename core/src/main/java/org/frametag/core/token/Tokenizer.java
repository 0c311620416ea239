package org.frametag.core.token;

import java.util.List;
import org.frametag.core.text.Span;
import org.frametag.core.text.Token;

/**
 * Splits text into tokens. Documents and term lists go through the same tokenizer, so a
 * multiword term always matches the text it was written from.
 */
public interface Tokenizer {

    /** Tokens of {@code region} of {@code text}, in order, with offsets into {@code text}. */
    List<Token> tokenize(CharSequence text, Span region);

    default List<Token> tokenize(CharSequence text) {
        return tokenize(text, new Span(0, text.length()));
    }

    /**
     * A tokenizer that gives the same tokens, with a memory of recent tokens of about this many
     * slots per thread if it keeps one: a small one suits a single pass over many words each seen
     * once or twice, as in a large term list, where a large one only holds words that will not come
     * again. Without a memory, this tokenizer itself.
     */
    default Tokenizer withMemo(int slots) {
        return this;
    }
}
