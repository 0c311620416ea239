package org.frametag.seeds.behaviour;

/** The three kinds of behaviour test of CheckList (Ribeiro et al., ACL 2020). */
enum TestType {

    /** Minimum functionality: a sentence must, or must not, carry a category. */
    MFT,

    /** Invariance: variants of a sentence that keep its meaning must carry the same categories. */
    INV,

    /** Direction: a change to a sentence must keep, remove or add a category. */
    DIR
}
