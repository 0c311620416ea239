package org.frametag.core.segment;

import java.util.List;
import org.frametag.core.text.Span;

/** Finds sentence boundaries. Implementations are stateless and safe to share between threads. */
public interface SentenceSegmenter {

    /**
     * Splits {@code region} of {@code text} into sentences.
     *
     * @return spans in order, non-overlapping, inside the region, trimmed of whitespace
     */
    List<Span> segment(CharSequence text, Span region);
}
