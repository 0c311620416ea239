package org.frametag.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.frametag.api.ClassifiedDocument;
import org.frametag.api.ConceptMention;
import org.frametag.api.Diagnostic;
import org.frametag.api.RuleFailure;
import org.frametag.api.SentenceResult;
import org.frametag.api.Tag;
import org.frametag.api.Veto;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.text.AnalyzedDocument;
import org.frametag.core.text.Document;
import org.frametag.core.text.Span;
import org.frametag.core.text.Token;
import org.frametag.core.text.TokenKind;
import org.frametag.rules.examples.RuleExamples;
import org.frametag.rules.facts.DocumentInfo;
import org.frametag.rules.facts.Mention;
import org.frametag.rules.facts.Sentence;
import org.frametag.rules.pack.PackOutline;
import org.frametag.rules.terms.TermIndex;
import org.frametag.rules.terms.TermList;
import org.frametag.rules.terms.TermMatch;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled rule pack ready to tag documents. The rule base is compiled once and shared;
 * each document gets a session of its own from a pool that empties it after use (cheaper than
 * building a new one), so no fact or tag leaks between documents and one classifier can serve
 * many threads. A session a rule failed in is thrown away, not reused.
 */
public final class Classifier {

    /** Default bound on rule firings per document: far above any real document's need. */
    public static final int DEFAULT_MAX_FIRINGS = 100_000;
    /**
     * Firings allowed per fact (sentence, mention, token) on top of the bound, so a long document
     * dense with term-list words is not taken for a loop; news fires at most about 4 per fact.
     */
    static final int FIRINGS_PER_FACT = 10;

    private final TermIndex terms;
    private final List<String> categories;
    private final PackOutline outline;
    private final DocumentAnalyzer analyzer;
    private final int maxFirings;
    private final boolean insertTokens;
    private final List<Diagnostic> warnings;
    private final boolean fromCache;
    /** The rules, with their sessions, their scope (which rules can use which facts of a document) and mention dispatch. */
    private final RuleBases rules;
    /** The tagger of the document each thread classifies now, so a watchdog can name the rule a stuck thread runs. */
    private final Map<Thread, Tagger> running = new ConcurrentHashMap<>();
    /**
     * Whether the pooled session gets {@link LeanReset}; the system property {@code frametag.droolsReset}
     * keeps Drools' own reset, a way back should the two ever differ.
     */
    private final boolean leanReset;

    Classifier(KieBase kieBase, TermIndex terms, List<String> categories, PackOutline outline, DocumentAnalyzer analyzer,
               int maxFirings, boolean insertTokens, List<Diagnostic> warnings, boolean fromCache, RuleScope scope) {
        this(RuleBases.of(kieBase, scope), terms, categories, outline, analyzer, maxFirings, insertTokens, warnings, fromCache);
    }

    Classifier(RuleBases rules, TermIndex terms, List<String> categories, PackOutline outline, DocumentAnalyzer analyzer,
               int maxFirings, boolean insertTokens, List<Diagnostic> warnings, boolean fromCache) {
        this(rules, terms, categories, outline, analyzer, maxFirings, insertTokens, warnings, fromCache,
                !Boolean.getBoolean("frametag.droolsReset"));
    }

    private Classifier(RuleBases rules, TermIndex terms, List<String> categories, PackOutline outline, DocumentAnalyzer analyzer,
                       int maxFirings, boolean insertTokens, List<Diagnostic> warnings, boolean fromCache, boolean leanReset) {
        this.leanReset = leanReset;
        this.rules = rules;
        this.terms = terms;
        this.categories = List.copyOf(categories);
        this.outline = outline;
        this.analyzer = analyzer;
        this.maxFirings = maxFirings;
        this.insertTokens = insertTokens;
        this.warnings = List.copyOf(warnings);
        this.fromCache = fromCache;
    }

    /**
     * The same rules over other term lists: what an edit of a term list would do costs an index of
     * the lists, not a compilation of the rules.
     */
    public Classifier withTermLists(List<TermList> lists) {
        return new Classifier(rules, new TermIndex(lists, analyzer.tokenizer()), categories, outline, analyzer,
                maxFirings, insertTokens, warnings, fromCache, leanReset);
    }

    /** The same classifier inserting every fact into a session for every document (for tests in this package). */
    Classifier withoutScope() {
        return new Classifier(rules.unscoped(), terms, categories, outline, analyzer, maxFirings, insertTokens, warnings, fromCache,
                leanReset);
    }

    /** The same classifier over other rule bases (for tests in this package). */
    Classifier with(RuleBases other) {
        return new Classifier(other, terms, categories, outline, analyzer, maxFirings, insertTokens, warnings, fromCache, leanReset);
    }

    /** The same classifier with Drools' own reset of its pooled session after each document (for tests in this package). */
    Classifier withDroolsReset() {
        return new Classifier(RuleBases.of(kieBase(), scope()), terms, categories, outline, analyzer, maxFirings, insertTokens, warnings,
                fromCache, false);
    }

    /** Which rules can use which facts, or null (for tests in this package). */
    RuleScope scope() {
        return rules.all().scope();
    }

    /** The compiled rules (for tests in this package). */
    KieBase kieBase() {
        return rules.all().kieBase();
    }

    /** The pool of sessions documents are classified in (for tests in this package). */
    KieSessionsPool sessions() {
        return rules.all().sessions();
    }

    /** The rule bases documents are classified in (for tests in this package). */
    RuleBases ruleBases() {
        return rules;
    }

    /** The term lists the rules see. */
    public List<TermList> termLists() {
        return terms.lists();
    }

    /** Whether the rule base came from the compiled-pack cache instead of a fresh compilation. */
    public boolean fromCache() {
        return fromCache;
    }

    /** The pack's categories, in the order its categories file lists them. */
    public List<String> categories() {
        return categories;
    }

    /** What the pack's DRL files declare, with places, as parsed when it was compiled. */
    public PackOutline outline() {
        return outline;
    }

    /** Problems that do not stop the pack from running. */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** The names of all rules in the pack, sorted. */
    public List<String> ruleNames() {
        return kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .map(Rule::getName)
                .sorted()
                .toList();
    }

    /** Every rule's examples and counterexamples, from the metadata Drools compiled, sorted by rule name. */
    public List<RuleExamples> examples() {
        return kieBase().getKiePackages().stream()
                .flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparing(Rule::getName))
                .map(RuleExamples::of)
                .toList();
    }

    public DocumentAnalyzer analyzer() {
        return analyzer;
    }

    public ClassifiedDocument classify(Document document) {
        return classify(analyzer.analyze(document));
    }

    /**
     * Tags every sentence of {@code document}.
     *
     * @throws RuleFailure when a rule loops past the firing limit, tags an unknown category or throws
     */
    public ClassifiedDocument classify(AnalyzedDocument document) {
        List<List<TermMatch>> matches = matches(document);
        RuleScope concepts = rules.concepts();
        List<int[]> conceptIds = concepts == null ? null : conceptIds(concepts, matches);
        RuleBases.Running base = rules.forDocument(conceptIds);
        RuleScope.Document inScope = base.scope() == null ? null : base.scope().document(conceptIds);
        List<List<ConceptMention>> mentions = mentions(document, matches);
        if (inScope != null && !inScope.live()) {
            // no rule can match any sentence of it: the results of a session that fires nothing
            List<SentenceResult> results = new ArrayList<>(document.sentences().size());
            for (org.frametag.core.text.Sentence s : document.sentences()) {
                results.add(new SentenceResult(s, List.of(), mentions.get(s.index()), List.of()));
            }
            return new ClassifiedDocument(document.document(), results);
        }
        KieSession session = base.sessions().newKieSession();
        if (leanReset) {
            LeanReset.install(session);
        }
        boolean reusable = false;
        try {
            Tagger tagger = new Tagger(Set.copyOf(categories), session);
            running.put(Thread.currentThread(), tagger);
            session.setGlobal("tagger", tagger);
            if (session.getAgendaEventListeners().isEmpty()) {
                session.addEventListener(FIRINGS);
            }
            RuleScope.enter(inScope);
            int left = insertFacts(session, document, matches, mentions, inScope, base.dispatch());
            fire(session, tagger, document, left);
            Map<Integer, List<Tag>> tags = tagger.tagsBySentence();
            Map<Integer, List<Veto>> vetoes = tagger.vetoes();
            List<SentenceResult> results = new ArrayList<>(document.sentences().size());
            for (org.frametag.core.text.Sentence s : document.sentences()) {
                results.add(new SentenceResult(s, tags.getOrDefault(s.index(), List.of()),
                        mentions.get(s.index()), vetoes.getOrDefault(s.index(), List.of())));
            }
            reusable = true;
            return new ClassifiedDocument(document.document(), results);
        } finally {
            RuleScope.enter(null);
            running.remove(Thread.currentThread());
            if (reusable) {
                session.dispose();
            } else {
                session.destroy();
            }
        }
    }

    /**
     * Each sentence's mentions as the results show them, made before the facts so that a mention's
     * fact takes its text from here rather than cutting the same substring again. A mention of one
     * whole token takes that token's text and span, which are the same values: most mentions are
     * one word, and their substrings were a tenth of what a batch allocated (docs/batch.md, "Round 45").
     */
    private static List<List<ConceptMention>> mentions(AnalyzedDocument document, List<List<TermMatch>> matches) {
        String text = document.text();
        List<List<ConceptMention>> all = new ArrayList<>(matches.size());
        for (int s = 0; s < matches.size(); s++) {
            List<TermMatch> inSentence = matches.get(s);
            if (inSentence.isEmpty()) {
                all.add(List.of());
                continue;
            }
            List<Token> tokens = document.sentences().get(s).tokens();
            List<ConceptMention> mentions = new ArrayList<>(inSentence.size());
            for (TermMatch match : inSentence) {
                Token token = match.first() == match.last() ? tokens.get(match.first()) : null;
                if (token != null && token.start() == match.start() && token.end() == match.end()) {
                    mentions.add(new ConceptMention(match.concept(), token.span(), token.text()));
                } else {
                    mentions.add(new ConceptMention(match.concept(), new Span(match.start(), match.end()),
                            text.substring(match.start(), match.end())));
                }
            }
            all.add(mentions);
        }
        return all;
    }

    private static List<int[]> conceptIds(RuleScope scope, List<List<TermMatch>> matches) {
        List<int[]> ids = new ArrayList<>(matches.size());
        for (List<TermMatch> inSentence : matches) {
            int[] concepts = new int[inSentence.size()];
            for (int i = 0; i < concepts.length; i++) {
                concepts[i] = scope.concept(inSentence.get(i).concept());
            }
            ids.add(concepts);
        }
        return ids;
    }

    /**
     * The rule {@code thread} fires now (or fired last) on the document it classifies, or null when
     * it classifies none or no rule has fired yet: what to blame when a document takes too long.
     */
    public String firingOn(Thread thread) {
        Tagger tagger = running.get(thread);
        return tagger == null ? null : tagger.firingRule();
    }

    /** Counts firings on the session's own tagger, so one listener serves a pooled session for life. */
    private static final DefaultAgendaEventListener FIRINGS = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            ((Tagger) event.getKieRuntime().getGlobal("tagger")).firing(event.getMatch());
        }
    };

    /**
     * Each sentence's concept mentions, in the order they are inserted: the term lists' matches, then
     * acronyms defined in the document.
     */
    private List<List<TermMatch>> matches(AnalyzedDocument document) {
        List<List<Token>> sentenceTokens = new ArrayList<>(document.sentences().size());
        List<List<TermMatch>> matches = new ArrayList<>(document.sentences().size());
        for (org.frametag.core.text.Sentence s : document.sentences()) {
            sentenceTokens.add(s.tokens());
            matches.add(terms.find(s.tokens()));
        }
        Map<String, Set<String>> acronyms = AcronymDefinitions.find(sentenceTokens, matches);
        if (acronyms.isEmpty()) {
            return matches;
        }
        List<List<TermMatch>> all = new ArrayList<>(matches.size());
        for (org.frametag.core.text.Sentence s : document.sentences()) {
            List<Token> tokens = s.tokens();
            List<TermMatch> inSentence = new ArrayList<>(matches.get(s.index()));
            for (int i = 0; i < tokens.size(); i++) {
                String acronym = AcronymDefinitions.acronym(tokens.get(i));
                for (String concept : acronym == null ? Set.<String>of() : acronyms.getOrDefault(acronym, Set.of())) {
                    TermMatch m = new TermMatch(concept, i, i, tokens.get(i).start(), tokens.get(i).end());
                    if (!inSentence.contains(m)) {
                        inSentence.add(m);
                    }
                }
            }
            all.add(inSentence);
        }
        return all;
    }

    /**
     * Inserts the document's facts: its info, and per sentence the sentence (unless no rule can use
     * it, by {@code inScope}), its tokens when the pack reads them (unless no rule can use them), and
     * its mentions (unless no rule that can use them would get them).
     *
     * @return the number of facts left out
     */
    private int insertFacts(KieSession session, AnalyzedDocument document, List<List<TermMatch>> matches,
                            List<List<ConceptMention>> mentions, RuleScope.Document inScope, ConceptDispatch dispatch) {
        int left = 0;
        session.insert(new DocumentInfo(document.id(), document.document().date().orElse(null),
                document.sentences().size()));
        for (org.frametag.core.text.Sentence s : document.sentences()) {
            List<Token> tokens = s.tokens();
            List<TermMatch> inSentence = matches.get(s.index());
            Clauses.Layout layout = inSentence.isEmpty() ? null : Clauses.layout(tokens);
            if (inScope == null || inScope.sentenceUsed(s.index())) {
                session.insert(new Sentence(s.index(), s.start(), s.end(), s.text(), tokens.size()));
            } else {
                left++;
            }
            boolean tokensUsed = insertTokens && (inScope == null || inScope.tokensUsed(s.index()));
            if (insertTokens && !tokensUsed) {
                left += tokens.size();
            }
            for (int i = 0; tokensUsed && i < tokens.size(); i++) {
                Token t = tokens.get(i);
                session.insert(new org.frametag.rules.facts.Token(s.index(), i, t.start(), t.end(), t.text(),
                        t.norm(), t.stem(), t.kind().name()));
            }
            long[] sees = inScope == null || dispatch == null || inSentence.isEmpty() ? null : inScope.mentionsSeen(s.index());
            int[] seen = sees == null ? null : inScope.mentionWordsSeen(s.index());
            List<ConceptMention> mentioned = mentions.get(s.index());
            for (int m = 0; m < inSentence.size(); m++) {
                TermMatch match = inSentence.get(m);
                if (sees != null && !dispatch.reaches(match.concept(), sees, seen)) {
                    left++;     // it would reach no node of a rule that can use it
                    continue;
                }
                int start = match.start();
                int end = match.end();
                int place = outside(layout, match.first(), match.last());
                session.insert(new Mention(match.concept(), s.index(), match.first(), match.last(), start, end,
                        mentioned.get(m).text(), opens(tokens, match.first()), possessive(tokens, match.last()),
                        layout.clause()[match.first()], place, place < 0 ? -1 : layout.position()[match.last() + 1]));
            }
        }
        return left;
    }

    /** The mention's place when insertions are left out, or -1 when it is inside one. */
    private static int outside(Clauses.Layout layout, int first, int last) {
        for (int i = first; i <= last; i++) {
            if (layout.inserted()[i]) {
                return -1;
            }
        }
        return layout.position()[first];
    }

    /** True when no word, number or other content token comes before token {@code first}: only punctuation. */
    private static boolean opens(List<Token> tokens, int first) {
        for (int i = 0; i < first; i++) {
            TokenKind kind = tokens.get(i).kind();
            if (kind != TokenKind.PUNCTUATION && kind != TokenKind.SYMBOL) {
                return false;
            }
        }
        return true;
    }

    private static boolean possessive(List<Token> tokens, int last) {
        return last + 1 < tokens.size() && tokens.get(last + 1).norm().equals("'s");
    }

    /** Fires the rules; {@code left} facts were left out, and count towards the firing limit as if inserted. */
    private void fire(KieSession session, Tagger tagger, AnalyzedDocument document, int left) {
        try {
            long facts = session.getFactCount() + left;
            int limit = (int) Math.min(Integer.MAX_VALUE - 1L, maxFirings + FIRINGS_PER_FACT * facts);
            int fired = session.fireAllRules(limit);
            if (fired >= limit && session.fireAllRules(1) > 0) {
                Map.Entry<String, Integer> busiest = tagger.firings().entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .orElse(Map.entry("?", 0));
                throw new RuleFailure(busiest.getKey(), "rules fired more than " + limit + " times on document " + document.id()
                        + ", the limit for its " + facts + " facts (--max-firings " + maxFirings + " + " + FIRINGS_PER_FACT
                        + " per fact); most often \"" + busiest.getKey() + "\" (" + busiest.getValue()
                        + " times): a rule that loops, or raise --max-firings", null);
            }
        } catch (RuleFailure e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof RuleFailure)) {
                cause = cause.getCause();
            }
            if (cause instanceof RuleFailure failure) {
                throw failure;
            }
            throw new RuleFailure(null, "a rule failed on document " + document.id() + ": " + cause, e);
        }
    }
}
