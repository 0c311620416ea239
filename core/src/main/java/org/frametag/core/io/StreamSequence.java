package org.frametag.core.io;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The streams of several sources one after another, each source opened only when the one before
 * is used up and closed then. {@code flatMap} would instead buffer a whole source, or wait for the
 * end of a stream, before handing on its first element.
 */
public final class StreamSequence {

    private StreamSequence() {
    }

    /** The elements of {@code open(source)} for each source in turn; closing the result closes the open one. */
    public static <S, T> Stream<T> concat(Iterator<S> sources, Function<S, Stream<T>> open) {
        Elements<S, T> elements = new Elements<>(sources, open);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(elements, Spliterator.ORDERED), false)
                .onClose(elements::close);
    }

    private static final class Elements<S, T> implements Iterator<T> {
        private final Iterator<S> sources;
        private final Function<S, Stream<T>> open;
        private Stream<T> current;
        private Iterator<T> elements = Collections.emptyIterator();

        Elements(Iterator<S> sources, Function<S, Stream<T>> open) {
            this.sources = sources;
            this.open = open;
        }

        @Override
        public boolean hasNext() {
            while (!elements.hasNext()) {
                close();
                if (!sources.hasNext()) {
                    return false;
                }
                current = open.apply(sources.next());
                elements = current.iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return elements.next();
        }

        void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
