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
}
