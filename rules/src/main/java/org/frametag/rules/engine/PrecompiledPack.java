package org.frametag.rules.engine;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.frametag.api.Diagnostic;
import org.frametag.core.DocumentAnalyzer;
import org.frametag.rules.pack.PackFile;
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
 * and its rule scope) among the module's classes.
 */
final class PrecompiledPack {

    private static final String DESCRIPTOR = "org/frametag/rules/engine/precompiled-pack.bin";
    private static final String FORMAT = "frametag-precompiled-1";
    /** The package the bundled pack's DRL declares, under which the model's classes are generated. */
    private static final String GENERATED = "frametag/pack/";

    private final String key;
    private final String model;
    private final List<Diagnostic> warnings;
    private final PackOutline outline;
    /** What {@link RuleScope} read of the rules compiled from their DRL, as it wrote it; empty when the pack is not scoped. */
    private final byte[] scope;

    private PrecompiledPack(String key, String model, List<Diagnostic> warnings, PackOutline outline, byte[] scope) {
        this.key = key;
        this.model = model;
        this.warnings = warnings;
        this.outline = outline;
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
            return Optional.of(new PrecompiledPack(key, model, warnings, outline, in.readAllBytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
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
            KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(rules);
            Optional<RuleScope> scoped = scope.length == 0 ? Optional.empty()
                    : Optional.ofNullable(RuleScope.readFrom(new DataInputStream(new ByteArrayInputStream(scope)), kieBase));
            return new RuleBaseCache.Entry(kieBase, warnings, outline, scoped);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the precompiled pack's model " + model + " cannot be loaded", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the precompiled pack's rule scope cannot be read", e);
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
            RuleScope scope = compiled == null ? null : RuleScope.of(compiled);
            if (scope != null) {
                scope.writeTo(out);
            }
        }
        TermKeys.write(classes, RuleCompiler.termLists(pack), DocumentAnalyzer.news().tokenizer());
        System.out.println("precompiled the bundled pack: " + pack.drlFiles().size() + " rule files, model " + model);
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
