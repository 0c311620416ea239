package org.frametag.rules.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.frametag.api.Diagnostic;
import org.frametag.api.RulePackException;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.core.text.Document;
import org.frametag.rules.facts.Token;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.PackOutline;
import org.frametag.rules.pack.RulePack;
import org.frametag.rules.terms.TermIndex;
import org.frametag.rules.terms.TermKeys;
import org.frametag.rules.terms.TermList;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.LoggerFactory;

/** Compiles a rule pack into a {@link Classifier}, or reports every error in it with its place. */
public final class RuleCompiler {

    private static final String DRL_ROOT = "src/main/resources/frametag/";
    private static final Document WARM_UP = Document.of("warm-up", "The first sentence, analysed while the term lists are read.");

    private final DocumentAnalyzer analyzer;
    private final int maxFirings;
    private final RuleBaseCache cache;
    private final boolean executableModel;
    private final boolean precompiled;
    private final boolean onDemand;

    public RuleCompiler(DocumentAnalyzer analyzer, int maxFirings) {
        this(analyzer, maxFirings, null, false, false, false);
    }

    private RuleCompiler(DocumentAnalyzer analyzer, int maxFirings, RuleBaseCache cache, boolean executableModel, boolean precompiled,
                         boolean onDemand) {
        this.analyzer = analyzer;
        this.maxFirings = maxFirings;
        this.cache = cache;
        this.executableModel = executableModel;
        this.precompiled = precompiled;
        this.onDemand = onDemand;
    }

    /**
     * A compiler that builds Drools' executable model (rules as Java lambdas, no MVEL at run time)
     * instead of interpreting the DRL; not cached.
     */
    public RuleCompiler executableModel() {
        return new RuleCompiler(analyzer, maxFirings, null, true, false, false);
    }

    /**
     * A compiler that takes the rule base of a pack whose rules are the bundled pack's from the
     * classes this build precompiled them to ({@link PrecompiledPack}): ready sooner than the
     * cached DRL, and tagging the same. Any other pack is compiled as before.
     */
    public RuleCompiler precompiled() {
        return new RuleCompiler(analyzer, maxFirings, cache, executableModel, true, onDemand);
    }

    /**
     * A precompiled compiler that builds no rule base while the pack loads: the first document
     * is classified with only the rules it can match, and all of them are built when a later
     * document needs more ({@link RuleBases#onDemand}). For a run of one short document; a longer
     * run loses the time the rule base was built in beside the term lists.
     */
    public RuleCompiler precompiledOnDemand() {
        return new RuleCompiler(analyzer, maxFirings, cache, executableModel, true, true);
    }

    /**
     * A compiler that keeps compiled rule bases in {@code folder} and reuses them while the
     * pack's rule files are unchanged: a short run then starts without compiling its rules.
     */
    public RuleCompiler cachingIn(Path folder) {
        return new RuleCompiler(analyzer, maxFirings, new RuleBaseCache(folder), executableModel, precompiled, onDemand);
    }

    public static RuleCompiler defaults() {
        return new RuleCompiler(DocumentAnalyzer.news(), Classifier.DEFAULT_MAX_FIRINGS);
    }

    /**
     * @throws RulePackException with every error when the pack cannot run; warnings travel with
     *                           the classifier
     */
    public Classifier compile(RulePack pack) throws RulePackException {
        return compile(pack, Optional.empty());
    }

    /** Compiles a pack whose outline the caller already has, so it is not parsed again. */
    public Classifier compile(RulePack pack, PackOutline outline) throws RulePackException {
        return compile(pack, Optional.of(outline));
    }

    /**
     * Compiles the pack {@code packs} reads, which is known by {@code origin}: where it comes from,
     * with the size and time of that file. With a cache, the entry stored for that origin is read
     * while the pack is read and hashed, and used when the pack's key turns out the same; a
     * precompiled compiler builds the precompiled rule base meanwhile, used when the rules are its own.
     */
    public Classifier compile(Supplier<RulePack> packs, String origin) throws RulePackException {
        Optional<PrecompiledPack> model = precompiled ? PrecompiledPack.inThisBuild() : Optional.empty();
        Optional<RuleScope> needs = onDemand ? model.flatMap(PrecompiledPack::scope) : Optional.empty();
        if (needs.isPresent()) {
            warmUp(model.get(), needs.get());
            RulePack pack = packs.get();
            // the rules are hashed beside the term lists, which a short run would otherwise wait for in turn
            CompletableFuture<Boolean> fits = CompletableFuture.supplyAsync(() -> model.get().compiles(pack.drlFiles()),
                    RuleCompiler::inBackground);
            Optional<Classifier> ready = onDemand(pack, model.get(), needs.get(), fits);
            return ready.isPresent() ? ready.get() : compile(pack, Optional.empty(), key(pack), Optional.empty());
        }
        Optional<String> remembered = cache == null || model.isPresent() ? Optional.empty() : cache.keyOf(origin);
        Optional<CompletableFuture<Optional<RuleBaseCache.Entry>>> early = model.isPresent()
                ? model.map(this::buildInBackground)
                : remembered.map(this::loadInBackground);
        RulePack pack = packs.get();
        boolean precompiledFits = model.isPresent() && model.get().compiles(pack.drlFiles());
        // the pack's own key is needed only to read or store a compiled copy: hashing its rules a
        // second time cost a short run some 60 ms
        String key = precompiledFits ? null : key(pack);
        boolean usable = model.isPresent() ? precompiledFits : remembered.equals(Optional.ofNullable(key));
        Classifier classifier = compile(pack, Optional.empty(), key, early.filter(e -> usable));
        if (key != null && model.isEmpty() && !remembered.equals(Optional.of(key))) {
            cache.rememberKey(origin, key);
        }
        return classifier;
    }

    /**
     * Loads the analyzer's classes for a first document, and Drools' for building a rule base, on
     * another thread while a run that builds its rules on demand reads its pack and term lists.
     */
    private void warmUp(PrecompiledPack model, RuleScope needs) {
        CompletableFuture.runAsync(() -> {
            analyzer.analyze(WARM_UP);
            model.warmUp(needs);
        }, RuleCompiler::inBackground);
    }

    /**
     * The bundled pack with no rule base built yet, checked as {@link #compile} checks it; nothing
     * when {@code fits} finds that its rules are not the ones {@code model} was compiled from.
     */
    private Optional<Classifier> onDemand(RulePack pack, PrecompiledPack model, RuleScope needs, CompletableFuture<Boolean> fits)
            throws RulePackException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> categories = categories(pack, diagnostics);
        List<TermList> lists = termLists(pack);
        TermIndex terms = termIndex(lists, diagnostics);
        PackOutline outline = model.outline();
        diagnostics.addAll(checks(pack, outline, categories, lists));
        diagnostics.addAll(model.warnings());
        if (!fits.join()) {
            return Optional.empty();
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new RulePackException(diagnostics);
        }
        RuleBases rules = RuleBases.onDemand(needs, () -> running(model.entry()), names -> model.entry(names, needs).map(RuleCompiler::running));
        return Optional.of(new Classifier(rules, terms, categories, outline, analyzer, maxFirings, outline.uses(Token.class),
                diagnostics, true));
    }

    /** A built rule base, its mention dispatch installed, ready to classify in. */
    static RuleBases.Running running(RuleBaseCache.Entry entry) {
        KieBase kieBase = entry.kieBase();
        RuleScope scope = entry.scope().orElseGet(() -> RuleScope.of(kieBase));
        ConceptDispatch.install(kieBase, scope);
        SentenceDispatch.install(kieBase, scope);
        return RuleBases.Running.of(kieBase, scope);
    }

    /** The index of the pack's term lists, with a warning in {@code diagnostics} for each entry that can never match. */
    private TermIndex termIndex(List<TermList> lists, List<Diagnostic> diagnostics) {
        TermIndex terms = new TermIndex(lists, analyzer.tokenizer(), TermKeys.bundledFor(analyzer.tokenizer()));
        terms.unmatchable().forEach(u -> diagnostics.add(Diagnostic.warning(u.list().source(), u.entry().line(), u.entry().column(),
                "entry \"" + u.entry().text() + "\" can never match: " + u.reason())));
        return terms;
    }

    /** What is checked of every pack before its rules run: its categories, term lists, rule names and mention patterns. */
    private static List<Diagnostic> checks(RulePack pack, PackOutline outline, List<String> categories, List<TermList> lists) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (pack.categoriesFile().isPresent()) {
            diagnostics.addAll(PackChecks.unknownCategories(outline, categories));
        }
        diagnostics.addAll(PackChecks.missingTermLists(outline, lists));
        diagnostics.addAll(PackChecks.duplicateRules(outline));
        diagnostics.addAll(PackChecks.testedBeforeConcept(outline));
        if (pack.drlFiles().isEmpty()) {
            diagnostics.add(Diagnostic.error(pack.name(), 0, 0, "the pack has no .drl rule files"));
        }
        return diagnostics;
    }

    private String key(RulePack pack) {
        return cache == null ? null : RuleBaseCache.key(pack.drlFiles());
    }

    private CompletableFuture<Optional<RuleBaseCache.Entry>> loadInBackground(String key) {
        return CompletableFuture.supplyAsync(() -> cache.load(key), RuleCompiler::inBackground);
    }

    /** The precompiled rule base, or nothing when its classes cannot be loaded (the pack is then compiled). */
    private CompletableFuture<Optional<RuleBaseCache.Entry>> buildInBackground(PrecompiledPack model) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Optional.of(model.entry());
            } catch (RuntimeException | LinkageError e) {
                LoggerFactory.getLogger(RuleCompiler.class).warn("compiling the bundled pack, as its precompiled rules cannot be loaded ({})", e.toString());
                return Optional.empty();
            }
        }, RuleCompiler::inBackground);
    }

    private Classifier compile(RulePack pack, Optional<PackOutline> parsed) throws RulePackException {
        Optional<PrecompiledPack> model = precompiled
                ? PrecompiledPack.inThisBuild().filter(m -> m.compiles(pack.drlFiles()))
                : Optional.empty();
        Optional<RuleScope> needs = onDemand && parsed.isEmpty() ? model.flatMap(PrecompiledPack::scope) : Optional.empty();
        if (needs.isPresent()) {
            warmUp(model.get(), needs.get());
            return onDemand(pack, model.get(), needs.get(), CompletableFuture.completedFuture(true)).orElseThrow();
        }
        return compile(pack, parsed, key(pack), model.map(this::buildInBackground));
    }

    private Classifier compile(RulePack pack, Optional<PackOutline> parsed, String key,
                               Optional<CompletableFuture<Optional<RuleBaseCache.Entry>>> started) throws RulePackException {
        CompletableFuture<Optional<RuleBaseCache.Entry>> cached = started.orElseGet(() -> key == null
                ? CompletableFuture.completedFuture(Optional.empty())
                : loadInBackground(key));
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> categories = categories(pack, diagnostics);
        List<TermList> lists = termLists(pack);
        TermIndex terms = termIndex(lists, diagnostics);
        Optional<RuleBaseCache.Entry> entry = cached.join();
        PackOutline outline = parsed.or(() -> entry.map(RuleBaseCache.Entry::outline)).orElseGet(() -> PackOutline.of(pack));
        diagnostics.addAll(checks(pack, outline, categories, lists));
        boolean checked = diagnostics.stream().noneMatch(Diagnostic::isError);
        KieBase kieBase;
        boolean fromCache = checked && entry.isPresent();
        if (fromCache) {
            kieBase = entry.get().kieBase();
            diagnostics.addAll(entry.get().warnings());
        } else {
            int checks = diagnostics.size();
            kieBase = build(pack, diagnostics, executableModel);
            String storeKey = key != null ? key : key(pack);
            if (storeKey != null && checked && kieBase != null && diagnostics.stream().noneMatch(Diagnostic::isError)) {
                cache.store(storeKey, new RuleBaseCache.Entry(kieBase, List.copyOf(diagnostics.subList(checks, diagnostics.size())), outline));
            }
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new RulePackException(diagnostics);
        }
        KieBase compiled = kieBase;
        RuleScope scope = entry.filter(e -> fromCache).flatMap(RuleBaseCache.Entry::scope).orElseGet(() -> RuleScope.of(compiled));
        KieBase running = scope == null && !executableModel ? RuleBases.shared(compiled) : compiled;
        ConceptDispatch.install(running, scope);
        SentenceDispatch.install(running, scope);
        return new Classifier(running, terms, categories, outline, analyzer, maxFirings,
                outline.uses(Token.class), diagnostics, fromCache, scope);
    }

    static List<TermList> termLists(RulePack pack) {
        return pack.termFiles().stream()
                .map(f -> TermList.parse(concept(f.path()), f.path(), f.content()))
                .toList();
    }

    /** Reads a cached rule base while the term lists are indexed and checked. */
    private static void inBackground(Runnable task) {
        Thread thread = new Thread(task, "frametag-rule-cache");
        thread.setDaemon(true);
        thread.start();
    }

    private static List<String> categories(RulePack pack, List<Diagnostic> diagnostics) {
        Set<String> categories = new LinkedHashSet<>();
        pack.categoriesFile().ifPresentOrElse(file -> {
            String[] lines = file.content().split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].replaceAll("#.*", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (!line.matches("[A-Z][A-Z0-9_]*")) {
                    diagnostics.add(Diagnostic.error(file.path(), i + 1, 1,
                            "category \"" + line + "\" must be UPPER_CASE letters, digits and underscores"));
                } else if (!categories.add(line)) {
                    diagnostics.add(Diagnostic.warning(file.path(), i + 1, 1, "category " + line + " is listed twice"));
                }
            }
        }, () -> diagnostics.add(Diagnostic.error(RulePack.CATEGORIES, 0, 0,
                "the pack has no " + RulePack.CATEGORIES + "; list its categories there, one per line")));
        return List.copyOf(categories);
    }

    private static String concept(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.substring(0, name.length() - ".txt".length());
    }

    static KieBase build(RulePack pack, List<Diagnostic> diagnostics, boolean executableModel) {
        KieServices services = KieServices.Factory.get();
        ReleaseId release = services.newReleaseId("org.frametag.pack", "p" + UUID.randomUUID().toString().replace("-", ""), "1.0.0");
        if (builder(pack, release, executableModel, diagnostics).isEmpty()) {
            return null;
        }
        KieBase kieBase = services.newKieContainer(release).newKieBase(RuleBases.configuration());
        services.getRepository().removeKieModule(release);
        return kieBase;
    }

    /** Builds the pack as a module of {@code release}; its messages go to {@code diagnostics}, and nothing when it has errors. */
    static Optional<KieBuilder> builder(RulePack pack, ReleaseId release, boolean executableModel, List<Diagnostic> diagnostics) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        files.generateAndWritePomXML(release);
        for (PackFile drl : pack.drlFiles()) {
            files.write(DRL_ROOT + drl.path(), executableModel ? ExecutableModelDrl.rewrite(drl.content()) : drl.content());
        }
        KieBuilder builder = executableModel
                ? services.newKieBuilder(files).buildAll(org.drools.model.codegen.ExecutableModelProject.class)
                : services.newKieBuilder(files).buildAll();
        boolean failed = false;
        for (Message m : builder.getResults().getMessages()) {
            String path = m.getPath() == null ? pack.name() : m.getPath().replaceFirst("^(src/main/resources/)?frametag/", "");
            String text = m.getText().strip();
            if (m.getLevel() == Message.Level.ERROR) {
                failed = true;
                String source = pack.drlFiles().stream().filter(f -> f.path().equals(path)).map(PackFile::content)
                        .findFirst().orElse("");
                diagnostics.add(CompilerMessages.error(path, source, Math.max(0, m.getLine()), Math.max(0, m.getColumn()), text));
            } else if (m.getLevel() == Message.Level.WARNING) {
                diagnostics.add(Diagnostic.warning(path, Math.max(0, m.getLine()), Math.max(0, m.getColumn()), text));
            }
        }
        CompilerMessages.dropRepeats(diagnostics);
        return failed ? Optional.empty() : Optional.of(builder);
    }
}
