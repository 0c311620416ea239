package org.frametag.seeds.behaviour;

import java.util.Set;

/** What the suite needs of a classifier: the categories a sentence gets. */
@FunctionalInterface
interface SentenceClassifier {

    Set<String> categories(String sentence);
}
