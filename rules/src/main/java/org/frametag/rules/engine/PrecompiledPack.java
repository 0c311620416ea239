package org.frametag.rules.engine;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;
import org.drools.modelcompiler.KieBaseBuilder;
import org.frametag.api.Diagnostic;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.rules.pack.PackFile;
import org.frametag.rules.pack.PackFileBundle;
import org.frametag.rules.pack.PackOutline;
import org.frametag.rules.pack.RulePack;
import org.frametag.rules.terms.TermKeys;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;

/**
 * The bundled pack compiled when frametag is built, to Drools' executable model: its rules are
 * classes in the jar, so a run builds its rule base from them in about half the time that reading
 * the compiled DRL from the cache takes, and the class-data archive holds them too. The model's
 * conditions and consequences are lambdas, which {@link RuleScope} cannot read, so the scope read
 * from the DRL's rule base travels with it (docs/batch.md, "The precompiled pack").
 *
 * <p>The build runs {@link #main} after compiling the module: it writes the model's classes and a
 * descriptor (the rules' key, the model's class, the DRL compiler's warnings, the pack's outline
 * and its rule scope) among the module's classes, with the term lists' keys ({@link TermKeys})
 * and the pack's files in one resource ({@link PackFileBundle}).
 */
final class PrecompiledPack {

    private static final String DESCRIPTOR = "org/frametag/rules/engine/precompiled-pack.bin";
    private static final String FORMAT = "frametag-precompiled-3";
    /** The package the bundled pack's DRL declares, under which the model's classes are generated. */
    private static final String GENERATED = "frametag/pack/";
    private static final int WARM_UP_RULES = 4;

    private final String key;
    private final String model;
    private final List<Diagnostic> warnings;
    private final PackOutline outline;
    /** Each rule's package and name, a line apart, with the generated class whose one method builds it, in the model's order. */
    private final Map<String, String> ruleClasses;
    /** What {@link RuleScope} read of the rules compiled from their DRL, as it wrote it; empty when the pack is not scoped. */
    private final byte[] scope;

    private PrecompiledPack(String key, String model, List<Diagnostic> warnings, PackOutline outline,
                            Map<String, String> ruleClasses, byte[] scope) {
        this.key = key;
        this.model = model;
        this.warnings = warnings;
        this.outline = outline;
        this.ruleClasses = ruleClasses;
        this.scope = scope;
    }

    /** The pack this build precompiled, when it did and its descriptor can be read; read once per JVM. */
    static Optional<PrecompiledPack> inThisBuild() {
        return Descriptor.READ;
    }

    /** The descriptor, read on first use: every load of a pack checks it, a {@code watch} at every save. */
    private static final class Descriptor {
        static final Optional<PrecompiledPack> READ = read();
    }

    private static Optional<PrecompiledPack> read() {
        try (InputStream stream = PrecompiledPack.class.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
            if (stream == null) {
                return Optional.empty();
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
            if (!FORMAT.equals(in.readUTF())) {
                return Optional.empty();
            }
            String key = in.readUTF();
            String model = in.readUTF();
            List<Diagnostic> warnings = RuleBaseCache.readWarnings(in);
            PackOutline outline = PackOutline.readFrom(in);
            Map<String, String> ruleClasses = new LinkedHashMap<>();
            for (int r = in.readInt(); r > 0; r--) {
                ruleClasses.put(in.readUTF(), in.readUTF());
            }
            return Optional.of(new PrecompiledPack(key, model, warnings, outline, ruleClasses, in.readAllBytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The outline of the pack it was compiled from. */
    PackOutline outline() {
        return outline;
    }

    /** The DRL compiler's warnings about the pack it was compiled from. */
    List<Diagnostic> warnings() {
        return warnings;
    }

    /**
     * Builds a rule base of a few rules and throws it away, so that Drools' classes for building
     * one are loaded and set up while a run that builds its rules on demand reads its term lists.
     */
    void warmUp(RuleScope all) {
        entry(ruleClasses.keySet().stream().limit(WARM_UP_RULES).collect(Collectors.toSet()), all);
    }

    /** Whether these are the rules of {@code drlFiles}, compiled against the fact classes and Drools of this run. */
    boolean compiles(List<PackFile> drlFiles) {
        return key.equals(key(drlFiles));
    }

    /**
     * The rule base, built from the model's classes, with the warnings, outline and rule scope of
     * the pack it was compiled from: the model's own conditions and consequences are lambdas, which
     * the scope cannot read.
     */
    RuleBaseCache.Entry entry() {
        try {
            Model rules = (Model) Class.forName(model, true, PrecompiledPack.class.getClassLoader()).getDeclaredConstructor().newInstance();
            KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(rules, RuleBases.configuration());
            Optional<RuleScope> scoped = scope.length == 0 ? Optional.empty()
                    : Optional.ofNullable(RuleScope.readFrom(new DataInputStream(new ByteArrayInputStream(scope)), kieBase));
            return new RuleBaseCache.Entry(kieBase, warnings, outline, scoped);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the precompiled pack's model " + model + " cannot be loaded", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the precompiled pack's rule scope cannot be read", e);
        }
    }

    /**
     * A rule base of only the rules {@code names} (each a package and a name, a line apart, as
     * {@link RuleScope#needed} gives them), built from their own generated classes: for a document
     * that needs a fraction of the rules, a fraction of the time of {@link #entry()}. Its scope is
     * the part of {@code all}, this pack's {@link #scope()}, that is of those rules.
     *
     * @return nothing when the pack is not scoped, so no rule base of some of its rules can be told apart from one of all
     */
    Optional<RuleBaseCache.Entry> entry(Set<String> names, RuleScope all) {
        if (scope.length == 0) {
            return Optional.empty();
        }
        try {
            ClassLoader loader = PrecompiledPack.class.getClassLoader();
            @SuppressWarnings("rawtypes")
            List<Global> globals = new ArrayList<>();
            for (Field field : Class.forName(model, true, loader).getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Global.class.isAssignableFrom(field.getType())) {
                    globals.add((Global<?>) field.get(null));
                }
            }
            List<Rule> rules = new ArrayList<>(names.size());
            for (Map.Entry<String, String> rule : ruleClasses.entrySet()) {
                if (names.contains(rule.getKey())) {
                    rules.add(buildRule(Class.forName(rule.getValue(), true, loader)));
                }
            }
            KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(new SomeRules(globals, rules), RuleBases.configuration());
            return Optional.ofNullable(RuleScope.bound(all, kieBase))
                    .map(scoped -> new RuleBaseCache.Entry(kieBase, warnings, outline, Optional.of(scoped)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the precompiled pack's rules cannot be loaded", e);
        }
    }

    /** The scope of all the rules, bound to no rule base, which tells the rules a document needs; nothing when the pack is not scoped. */
    Optional<RuleScope> scope() {
        try {
            return scope.length == 0 ? Optional.empty()
                    : Optional.of(RuleScope.readFrom(new DataInputStream(new ByteArrayInputStream(scope))));
        } catch (IOException e) {
            throw new UncheckedIOException("the precompiled pack's rule scope cannot be read", e);
        }
    }

    /** The rule of a class the model generated for one rule: its one static method builds it. */
    private static Rule buildRule(Class<?> generated) throws ReflectiveOperationException {
        for (Method method : generated.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0 && method.getReturnType() == Rule.class) {
                return (Rule) method.invoke(null);
            }
        }
        throw new NoSuchMethodException(generated.getName() + " builds no rule");
    }

    /** Some of the model's rules, with its globals: the model's own class builds all of them at once. */
    @SuppressWarnings("rawtypes")
    private record SomeRules(List<Global> globals, List<Rule> rules) implements Model {

        @Override
        public String getName() {
            return GENERATED.replace('/', '.').substring(0, GENERATED.length() - 1);
        }

        @Override
        public List<Global> getGlobals() {
            return globals;
        }

        @Override
        public List<TypeMetaData> getTypeMetaDatas() {
            return List.of();
        }

        @Override
        public List<Rule> getRules() {
            return rules;
        }

        @Override
        public List<Query> getQueries() {
            return List.of();
        }

        @Override
        public List<EntryPoint> getEntryPoints() {
            return List.of();
        }
    }

    private static String key(List<PackFile> drlFiles) {
        return RuleBaseCache.key(FORMAT, Optional.empty(), drlFiles);
    }

    /**
     * Compiles the bundled pack on the class path to the executable model and writes its classes
     * and descriptor under the folder {@code args[0]}; exits with 1 when the pack has errors.
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        RulePack pack = RulePack.bundled();
        List<Diagnostic> diagnostics = new ArrayList<>();
        KieServices services = KieServices.Factory.get();
        Optional<KieBuilder> built = RuleCompiler.builder(pack, services.newReleaseId("org.frametag.pack", "bundled", "1"), true, diagnostics);
        if (built.isEmpty()) {
            diagnostics.forEach(System.err::println);
            System.exit(1);
            return;
        }
        InternalKieModule module = (InternalKieModule) built.get().getKieModule();
        deleteTree(classes.resolve(GENERATED));
        String model = null;
        for (String name : module.getFileNames()) {
            if (name.startsWith(GENERATED) && name.endsWith(".class")) {
                Path file = classes.resolve(name);
                Files.createDirectories(file.getParent());
                Files.write(file, module.getBytes(name));
            } else if (name.endsWith("/drools-model")) {
                model = new String(module.getBytes(name), StandardCharsets.UTF_8).lines()
                        .filter(l -> l.startsWith(GENERATED.replace('/', '.'))).findFirst().orElse(null);
            }
        }
        if (model == null) {
            throw new IllegalStateException("the executable model names no model class");
        }
        Path descriptor = classes.resolve(DESCRIPTOR);
        Files.createDirectories(descriptor.getParent());
        try (OutputStream file = Files.newOutputStream(descriptor); DataOutputStream out = new DataOutputStream(file)) {
            out.writeUTF(FORMAT);
            out.writeUTF(key(pack.drlFiles()));
            out.writeUTF(model);
            List<Diagnostic> fromDrl = new ArrayList<>();
            KieBase compiled = RuleCompiler.build(pack, fromDrl, false);
            RuleBaseCache.writeWarnings(out, fromDrl.stream().filter(d -> !d.isError()).toList());
            PackOutline.of(pack).writeTo(out);
            writeRuleClasses(out, classes);
            RuleScope scope = compiled == null ? null : RuleScope.of(compiled);
            if (scope != null) {
                scope.writeTo(out);
            }
        }
        TermKeys.write(classes, RuleCompiler.termLists(pack), DocumentAnalyzer.news().tokenizer());
        PackFileBundle.write(classes, pack);
        System.out.println("precompiled the bundled pack: " + pack.drlFiles().size() + " rule files, model " + model);
    }

    /** Which generated class builds which rule: each class of the model named {@code ...RuleMethodsN} builds one. */
    private static void writeRuleClasses(DataOutputStream out, Path classes) throws IOException {
        Map<String, String> ruleClasses = new LinkedHashMap<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, PrecompiledPack.class.getClassLoader());
             Stream<Path> files = Files.list(classes.resolve(GENERATED))) {
            // in the model's order (its rules' numbers), which orders a sentence's tags (Tagger)
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("Rules[0-9A-F]+RuleMethods[0-9]+\\.class"))
                    .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.replaceAll("^.*RuleMethods|\\.class$", ""))))
                    .toList();
            for (String name : names) {
                String generated = GENERATED.replace('/', '.') + name.substring(0, name.length() - ".class".length());
                Rule rule = buildRule(Class.forName(generated, true, loader));
                ruleClasses.put(rule.getPackage() + "\n" + rule.getName(), generated);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a rule class the executable model generated cannot be loaded", e);
        }
        out.writeInt(ruleClasses.size());
        for (Map.Entry<String, String> rule : ruleClasses.entrySet()) {
            out.writeUTF(rule.getKey());
            out.writeUTF(rule.getValue());
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
