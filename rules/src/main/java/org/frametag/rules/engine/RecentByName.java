package org.frametag.rules.engine;

/**
 * Values of names met lately, by the name's hash, found by the name's identity: the term index hands
 * out one string per concept name, and a read of this array is cheaper than a map's look-up, which cost
 * some 2% of a batch on the quick compiler. Threads may race on a slot; each entry is whole, so a reader
 * finds a right one or none and looks the name up.
 *
 * @param <V> what a name stands for
 */
final class RecentByName<V> {

    private record Entry<V>(String name, V value) {
    }

    private final Entry<V>[] slots;

    /** @param size a power of two */
    @SuppressWarnings("unchecked")
    RecentByName(int size) {
        slots = (Entry<V>[]) new Entry<?>[size];
    }

    /** The value last put for this very string, or {@code null}. */
    V get(String name) {
        Entry<V> entry = slots[name.hashCode() & (slots.length - 1)];
        return entry != null && entry.name() == name ? entry.value() : null;
    }

    void put(String name, V value) {
        slots[name.hashCode() & (slots.length - 1)] = new Entry<>(name, value);
    }
}
