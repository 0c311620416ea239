package org.frametag.rules.terms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;
import org.frametag.core.token.Tokenizer;

/**
 * All term lists of a pack compiled into one token trie, so finding every mention in a
 * sentence costs one walk per token whatever the number of entries. Entries are tokenised
 * with the documents' tokenizer and keyed by stem, exact text or token kind.
 * Immutable once built, and safe to share between threads.
 */
public final class TermIndex {

    private static final Pattern KIND_SLOT = Pattern.compile("<([A-Z]+)>");

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        Set<String> concepts;
    }

    private final Node root = new Node();
    private final Set<String> kindKeys = new LinkedHashSet<>();

    /** An entry that produced no tokens, or names an unknown token kind. */
    public record Unmatchable(TermList list, TermEntry entry, String reason) {
    }

    private final List<Unmatchable> unmatchable = new ArrayList<>();

    public TermIndex(List<TermList> lists, Tokenizer tokenizer) {
        for (TermList list : lists) {
            for (TermEntry entry : list.entries()) {
                add(list, entry, tokenizer);
            }
        }
    }

    /** Entries that can never match, so validation can name them. */
    public List<Unmatchable> unmatchable() {
        return List.copyOf(unmatchable);
    }

    private void add(TermList list, TermEntry entry, Tokenizer tokenizer) {
        List<String> keys = new ArrayList<>();
        Matcher slot = KIND_SLOT.matcher(entry.text());
        int from = 0;
        String text = entry.text();
        while (from <= text.length()) {
            boolean found = slot.find(from);
            int stop = found ? slot.start() : text.length();
            for (Token token : tokenizer.tokenize(text.substring(from, stop))) {
                keys.add(entry.exact() ? "=" + token.text() : token.stem());
            }
            if (!found) {
                break;
            }
            String kind = slot.group(1);
            if (!isKind(kind)) {
                unmatchable.add(new Unmatchable(list, entry, "unknown token kind <" + kind + ">"));
                return;
            }
            keys.add("<" + kind + ">");
            kindKeys.add("<" + kind + ">");
            from = slot.end();
        }
        if (keys.isEmpty()) {
            unmatchable.add(new Unmatchable(list, entry, "has no words to match"));
            return;
        }
        Node node = root;
        for (String key : keys) {
            node = node.next.computeIfAbsent(key, k -> new Node());
        }
        if (node.concepts == null) {
            node.concepts = new LinkedHashSet<>(2);
        }
        node.concepts.add(list.concept());
    }

    private static boolean isKind(String name) {
        for (TokenKind kind : TokenKind.values()) {
            if (kind.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every concept mention in {@code tokens}: for each start token and concept, the longest
     * matching entry.
     */
    public List<TermMatch> find(List<Token> tokens) {
        List<TermMatch> matches = new ArrayList<>();
        Map<String, Integer> longest = new TreeMap<>();
        for (int first = 0; first < tokens.size(); first++) {
            longest.clear();
            walk(root, tokens, first, first, longest);
            for (Map.Entry<String, Integer> e : longest.entrySet()) {
                matches.add(new TermMatch(e.getKey(), first, e.getValue()));
            }
        }
        return matches;
    }

    private void walk(Node node, List<Token> tokens, int first, int at, Map<String, Integer> longest) {
        if (at >= tokens.size()) {
            return;
        }
        Token token = tokens.get(at);
        step(node.next.get(token.stem()), tokens, first, at, longest);
        step(node.next.get("=" + token.text()), tokens, first, at, longest);
        if (!kindKeys.isEmpty()) {
            step(node.next.get("<" + token.kind().name() + ">"), tokens, first, at, longest);
        }
    }

    private void step(Node child, List<Token> tokens, int first, int at, Map<String, Integer> longest) {
        if (child == null) {
            return;
        }
        if (child.concepts != null) {
            for (String concept : child.concepts) {
                longest.merge(concept, at, Math::max);
            }
        }
        walk(child, tokens, first, at + 1, longest);
    }
}
