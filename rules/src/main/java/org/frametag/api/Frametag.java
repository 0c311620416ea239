package org.frametag.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.io.ReadResult;
import org.frametag.core.text.Document;
import org.frametag.rules.batch.BatchRunner;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.RuleCompiler;
import org.frametag.rules.eval.AlignedSentence;
import org.frametag.rules.eval.Evaluator;
import org.frametag.rules.eval.GoldSentence;
import org.frametag.rules.eval.RuleAnalysis;
import org.frametag.rules.examples.ExampleRunner;
import org.frametag.rules.examples.RuleExamples;
import org.frametag.rules.pack.DrlOutline;
import org.frametag.rules.pack.PackOutline;
import org.frametag.rules.pack.RulePack;
import org.frametag.rules.suggest.TermSuggester;
import org.frametag.rules.validate.PackValidator;
import org.frametag.rules.wordnet.WordNet;

/**
 * A rule pack, loaded once and ready to tag news text: the entry point of frametag as a library.
 * Classify a text or a document, or a stream of documents with several workers; each result
 * carries the sentences with their offsets, and every tag its category, rule and evidence words.
 * Explain why a sentence got its tags or not, and score tags against gold labels.
 *
 * <pre>{@code
 * Frametag frametag = Frametag.bundled();
 * ClassifiedDocument result = frametag.classify("Officials warned of foreign interference in the vote.");
 * }</pre>
 *
 * <p>Loading builds the pack's rule base (about half a second for the bundled one, which comes
 * precompiled; seconds for a pack compiled from its DRL), so load once and share:
 * an instance is immutable and safe to use from many threads. Every document gets a rule
 * session of its own, so nothing carries over from one document to the next.
 */
public final class Frametag {

    /** Rule firings allowed per document by default before it fails as looping: far above what any real document needs. */
    public static final int DEFAULT_MAX_FIRINGS = Classifier.DEFAULT_MAX_FIRINGS;
    /**
     * Time one document of a batch may take by default before it fails: a rule whose action never
     * returns would otherwise hang the batch. Far above what a document of the default size limit
     * takes with the bundled pack (about 30 s for 2 MB of news in one document).
     */
    public static final int DEFAULT_DOC_TIMEOUT_SECONDS = 120;

    private final Classifier classifier;
    private final Duration docTimeout;
    /** Read from the rule base when first asked for, as a pack whose rules are built on demand has none yet. */
    private volatile List<RuleInfo> rules;

    private Frametag(Classifier classifier, Duration docTimeout) {
        this.classifier = classifier;
        this.docTimeout = docTimeout;
    }

    private static RuleInfo info(PackOutline.Located located, RuleExamples examples) {
        DrlOutline.RuleDecl rule = located.rule();
        return new RuleInfo(rule.name(), values(rule.categories()), located.file(), rule.line(), values(rule.concepts()),
                examples == null ? List.of() : examples.examples(), examples == null ? List.of() : examples.counterexamples());
    }

    private static List<String> values(List<DrlOutline.Literal> literals) {
        return literals.stream().map(DrlOutline.Literal::value).distinct().toList();
    }

    /** The pack that ships with frametag, implementing its codebook. */
    public static Frametag bundled() throws RulePackException {
        return loader().load();
    }

    /**
     * The pack in {@code folder}: {@code categories.txt}, {@code *.drl} rules and {@code terms/*.txt}.
     *
     * @throws RulePackException with every error found, each with its file, line and column
     * @throws IllegalArgumentException when {@code folder} is not a folder
     */
    public static Frametag load(Path folder) throws RulePackException {
        return loader().rules(folder).load();
    }

    /** Loading with options: another pack folder, a firing limit, a compiled-pack cache, the bundled pack compiled afresh. */
    public static Loader loader() {
        return new Loader(RulePack::bundled, RulePack::bundledOrigin, DEFAULT_MAX_FIRINGS,
                Duration.ofSeconds(DEFAULT_DOC_TIMEOUT_SECONDS), Optional.empty(), true, false);
    }

    /**
     * How to load a pack. Each method returns a new loader; {@link #load()} compiles.
     */
    public static final class Loader {

        private final Supplier<RulePack> pack;
        /** Where the pack comes from, named without reading it (the bundled pack's jar), or nothing. */
        private final Supplier<Optional<String>> origin;
        private final int maxFirings;
        private final Duration docTimeout;
        private final Optional<Path> cache;
        private final boolean precompiled;
        private final boolean onDemand;

        private Loader(Supplier<RulePack> pack, Supplier<Optional<String>> origin, int maxFirings, Duration docTimeout,
                       Optional<Path> cache, boolean precompiled, boolean onDemand) {
            this.pack = pack;
            this.origin = origin;
            this.maxFirings = maxFirings;
            this.docTimeout = docTimeout;
            this.cache = cache;
            this.precompiled = precompiled;
            this.onDemand = onDemand;
        }

        /** Load the pack in {@code folder} instead of the bundled one. */
        public Loader rules(Path folder) {
            return new Loader(() -> RulePack.fromFolder(folder), Optional::empty, maxFirings, docTimeout, cache, precompiled, onDemand);
        }

        /** Load these pack files, already read (to know exactly what was loaded, as {@code watch} does). */
        public Loader rules(RulePack files) {
            return new Loader(() -> files, Optional::empty, maxFirings, docTimeout, cache, precompiled, onDemand);
        }

        /** Rule firings allowed per document before it fails as looping (default {@value Frametag#DEFAULT_MAX_FIRINGS}). */
        public Loader maxFirings(int limit) {
            return new Loader(pack, origin, limit, docTimeout, cache, precompiled, onDemand);
        }

        /**
         * Time one document of a batch ({@link Frametag#classify(Stream, int)}) may take before it
         * fails (default {@value Frametag#DEFAULT_DOC_TIMEOUT_SECONDS} s). A thread caught in a rule that never
         * returns cannot be stopped: it is left running and the batch goes on without it.
         */
        public Loader docTimeout(Duration limit) {
            return new Loader(pack, origin, maxFirings, limit, cache, precompiled, onDemand);
        }

        /**
         * Keep compiled packs in {@code folder} and reuse them while the pack's rule files are
         * unchanged, so a later load skips the compilation. Off by default.
         */
        public Loader cacheIn(Path folder) {
            return new Loader(pack, origin, maxFirings, docTimeout, Optional.of(folder), precompiled, onDemand);
        }

        /**
         * Whether rules that are the bundled pack's are taken as frametag's build compiled them
         * (Drools' executable model; the default), which is ready sooner than compiling them or
         * reading them from the cache and classifies the same; {@code false} compiles their DRL as
         * for any other pack, which is always compiled (docs/batch.md, "The precompiled pack").
         */
        public Loader precompiled(boolean use) {
            return new Loader(pack, origin, maxFirings, docTimeout, cache, use, onDemand);
        }

        /**
         * Whether the bundled pack's precompiled rules are built only as documents need them (off by
         * default): the first document is classified with just the rules it can match, and the
         * rest are built when a later document needs more. One short document is then tagged in
         * about 0.7 of the time (docs/batch.md, "Round 31"); a long run loses building its rules
         * while it reads the term lists.
         * The tags are the same either way. Other packs are compiled whole as before.
         */
        public Loader rulesOnDemand(boolean use) {
            return new Loader(pack, origin, maxFirings, docTimeout, cache, precompiled, use);
        }

        /**
         * The pack's files, as they will be loaded.
         *
         * @throws IllegalArgumentException when the pack folder is not a folder
         */
        public RulePack pack() {
            return pack.get();
        }

        /**
         * @throws RulePackException with every error found, each with its file, line and column
         * @throws IllegalArgumentException when the pack folder is not a folder
         */
        public Frametag load() throws RulePackException {
            Optional<String> known = origin.get();
            return new Frametag(known.isPresent() ? compiler().compile(pack, known.get()) : compiler().compile(pack()), docTimeout);
        }

        /**
         * Starts {@link #load()} on a thread of its own and returns at once, so that a caller can
         * parse its arguments or open its inputs while the pack is read from the cache or
         * compiled. The future fails as {@code load()} would, with a {@link RulePackException} or
         * an {@link IllegalArgumentException}. The thread is a daemon: a program that ends
         * without waiting does not wait for it.
         */
        public CompletableFuture<Frametag> loadInBackground() {
            CompletableFuture<Frametag> loaded = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    loaded.complete(load());
                } catch (Throwable e) {
                    loaded.completeExceptionally(e);
                }
            }, "frametag-load");
            thread.setDaemon(true);
            thread.start();
            return loaded;
        }

        /**
         * Everything wrong with the pack, errors and warnings (empty or unused term lists,
         * entries that can never match, rules without examples), and the pack when it can run.
         *
         * @param inflections also warn about term entries that only repeat an earlier entry's stems
         */
        public Validation validate(boolean inflections) {
            PackValidator.Result result = new PackValidator(precompiled(false).compiler(), DocumentAnalyzer.news(), inflections).validate(pack());
            return new Validation(result.diagnostics(), result.classifier().map(c -> new Frametag(c, docTimeout)));
        }

        private RuleCompiler compiler() {
            RuleCompiler plain = new RuleCompiler(DocumentAnalyzer.news(), maxFirings);
            RuleCompiler compiler = !precompiled ? plain : onDemand ? plain.precompiledOnDemand() : plain.precompiled();
            return cache.map(compiler::cachingIn).orElse(compiler);
        }
    }

    /** The pack's categories, in the order its {@code categories.txt} lists them. */
    public List<String> categories() {
        return classifier.categories();
    }

    /** Problems found in the pack that do not stop it from running. */
    public List<Diagnostic> warnings() {
        return classifier.warnings();
    }

    /** Every rule of the pack, in the order its files declare them. */
    public List<RuleInfo> rules() {
        List<RuleInfo> read = rules;
        if (read == null) {
            Map<String, RuleExamples> examples = new LinkedHashMap<>();
            classifier.examples().forEach(e -> examples.put(e.rule(), e));
            read = classifier.outline().rules().stream().map(r -> info(r, examples.get(r.rule().name()))).toList();
            rules = read;
        }
        return read;
    }

    /** The first rule declared with {@code name}. */
    public Optional<RuleInfo> rule(String name) {
        return rules().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * Tags every sentence of {@code text}, as a document with the id {@code text}.
     *
     * @throws RuleFailure when a rule loops past the firing limit or fails
     */
    public ClassifiedDocument classify(String text) {
        return classify(Document.of("text", text));
    }

    /**
     * Tags every sentence of {@code document}.
     *
     * @throws RuleFailure when a rule loops past the firing limit or fails
     */
    public ClassifiedDocument classify(Document document) {
        return classifier.classify(document);
    }

    /**
     * Tags a stream of documents with {@code workers} threads and hands the outcomes on in input
     * order, reading ahead by a bounded window so memory stays flat whatever the stream's length.
     * A document a rule fails on becomes an {@link Outcome.Failed} and the rest go on. Close the
     * returned stream (try-with-resources) to stop early.
     */
    public Stream<Outcome> classify(Stream<Document> documents, int workers) {
        return classify(documents.map(ReadResult.Loaded::new), workers, document -> false);
    }

    /**
     * As {@link #classify(Stream, int)}, for documents read from files, where some inputs are
     * problems already (see {@code org.frametag.core.io.DocumentReader}); documents {@code skip}
     * accepts are left out.
     */
    public Stream<Outcome> classify(Stream<ReadResult> inputs, int workers, Predicate<Document> skip) {
        return new BatchRunner(classifier::classify, classifier::firingOn, workers, docTimeout).classify(inputs, skip);
    }

    /** Why each sentence of {@code text} got its tags or did not. */
    public Explanation explain(String text) {
        return explain(Document.of("text", text));
    }

    /**
     * Why each sentence of {@code document} got its tags or did not: every rule of the pack held
     * against every sentence.
     *
     * @throws RuleFailure when a rule loops past the firing limit or fails
     */
    public Explanation explain(Document document) {
        ClassifiedDocument result = classify(document);
        List<Explanation.SentenceExplanation> sentences = new ArrayList<>();
        for (SentenceResult sentence : result.sentences()) {
            // a rule of senses or exclusions fires without tagging; a word it dropped is one no rule saw
            Set<String> fired = new HashSet<>();
            sentence.tags().forEach(t -> fired.add(t.rule()));
            sentence.vetoes().forEach(v -> fired.add(v.rule()));
            Set<String> seen = new HashSet<>();
            sentence.mentionsKept().forEach(m -> seen.add(m.concept()));
            List<RuleCheck> checks = rules().stream().map(rule -> {
                Set<String> present = rule.concepts().stream().filter(seen::contains)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                Set<String> missing = new LinkedHashSet<>(rule.concepts());
                missing.removeAll(present);
                return new RuleCheck(rule, fired.contains(rule.name()), present, missing);
            }).toList();
            sentences.add(new Explanation.SentenceExplanation(sentence, checks));
        }
        return new Explanation(result, sentences);
    }

    /**
     * Scores classified documents against gold sentences (as {@code GoldFile} reads them). Each
     * predicted sentence counts for the gold sentence of its document it overlaps most, so a
     * different sentence split is still scored fairly; documents the gold does not label are
     * left out.
     */
    public Evaluation evaluate(Collection<GoldSentence> gold, Collection<ClassifiedDocument> documents) {
        Evaluator evaluator = new Evaluator(gold);
        List<AlignedSentence> aligned = evaluator.align(documents);
        Map<String, String> known = new LinkedHashMap<>();
        rules().forEach(r -> known.putIfAbsent(r.name(), r.categories().isEmpty() ? "?" : r.categories().get(0)));
        Set<String> found = documents.stream().map(ClassifiedDocument::id).collect(Collectors.toSet());
        return new Evaluation(evaluator.evaluate(aligned, categories()), RuleAnalysis.rules(aligned, known, categories()),
                RuleAnalysis.errors(aligned), evaluator.goldDocuments().stream().filter(d -> !found.contains(d)).toList());
    }

    /**
     * Candidate entries for the term list {@code concept} ({@code terms/CONCEPT.txt}), for an
     * analyst growing a list from the whole vocabulary of a concept rather than from the sentences
     * at hand: words WordNet relates to the list's entries, and words that fill the list's slot in
     * sentences of {@code corpus} where a rule nearly fired. Those the corpus uses come first, each
     * with the tags adding it would gain or lose there. Nothing is added.
     *
     * @param limit the most candidates to return
     * @throws IllegalArgumentException when the pack has no list {@code concept}
     */
    public List<TermSuggestion> suggestTerms(String concept, List<Document> corpus, int limit) {
        try (WordNet wordNet = WordNet.open()) {
            return new TermSuggester(classifier, Optional.of(wordNet)).suggest(concept, corpus, limit);
        }
    }

    /**
     * Runs every rule's examples through the whole pack: an {@code @example} passes when its rule
     * tags it, a {@code @counterexample} when its rule does not.
     */
    public ExampleRunner.Report testExamples() {
        return new ExampleRunner(classifier).run();
    }
}
