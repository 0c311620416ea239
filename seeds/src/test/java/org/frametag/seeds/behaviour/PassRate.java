package org.frametag.seeds.behaviour;

/** Test cases passed out of those run. */
record PassRate(long passed, long total) {

    /** The share passed; 0 when nothing ran, so an empty test never passes a threshold. */
    double value() {
        return total == 0 ? 0 : (double) passed / total;
    }

    PassRate plus(PassRate other) {
        return new PassRate(passed + other.passed, total + other.total);
    }
}
