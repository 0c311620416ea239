package org.frametag.api;

import org.frametag.core.text.Span;

/** A concept the rules could see in a sentence, for explaining why a rule did or did not fire. */
public record ConceptMention(String concept, Span span, String text) {
}
