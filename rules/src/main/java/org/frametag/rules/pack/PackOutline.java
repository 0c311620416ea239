package org.frametag.rules.pack;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The outlines of every DRL file of a pack, to find a rule's source by its name: where it is,
 * what it tags and which concepts it needs. A pack is parsed once, when it is compiled (or read
 * from the compiled-pack cache with its rule base), and its outline travels with the classifier.
 * The cache stores it in a format of its own ({@link #writeTo}): Java serialization of its
 * thousands of records cost a short run 40 ms.
 */
public record PackOutline(List<DrlOutline> files) {

    /** A rule with the file it is declared in. */
    public record Located(String file, DrlOutline.RuleDecl rule) {
    }

    public PackOutline {
        files = List.copyOf(files);
    }

    /** Parses every DRL file of {@code pack}. */
    public static PackOutline of(RulePack pack) {
        return new PackOutline(pack.drlFiles().stream().map(DrlOutline::of).toList());
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(files.size());
        for (DrlOutline file : files) {
            out.writeUTF(file.file());
            out.writeInt(file.types().size());
            for (String type : file.types()) {
                out.writeUTF(type);
            }
            out.writeInt(file.rules().size());
            for (DrlOutline.RuleDecl rule : file.rules()) {
                out.writeUTF(rule.name());
                out.writeInt(rule.line());
                out.writeInt(rule.column());
                out.writeBoolean(rule.hasExamples());
                writeLiterals(out, rule.categories());
                writeLiterals(out, rule.concepts());
                writeLiterals(out, rule.tested());
                writeLiterals(out, rule.beforeConcept());
                out.writeBoolean(rule.onlyTags());
            }
        }
    }

    /** An outline as {@link #writeTo} wrote it. */
    public static PackOutline readFrom(DataInput in) throws IOException {
        int fileCount = in.readInt();
        List<DrlOutline> files = new ArrayList<>(fileCount);
        for (int f = 0; f < fileCount; f++) {
            String file = in.readUTF();
            int typeCount = in.readInt();
            List<String> types = new ArrayList<>(typeCount);
            for (int t = 0; t < typeCount; t++) {
                types.add(in.readUTF());
            }
            int ruleCount = in.readInt();
            List<DrlOutline.RuleDecl> rules = new ArrayList<>(ruleCount);
            for (int r = 0; r < ruleCount; r++) {
                rules.add(new DrlOutline.RuleDecl(in.readUTF(), in.readInt(), in.readInt(), in.readBoolean(),
                        readLiterals(in), readLiterals(in), readLiterals(in), readLiterals(in), in.readBoolean()));
            }
            files.add(new DrlOutline(file, types, rules));
        }
        return new PackOutline(files);
    }

    private static void writeLiterals(DataOutput out, List<DrlOutline.Literal> literals) throws IOException {
        out.writeInt(literals.size());
        for (DrlOutline.Literal literal : literals) {
            out.writeUTF(literal.value());
            out.writeInt(literal.line());
            out.writeInt(literal.column());
        }
    }

    private static List<DrlOutline.Literal> readLiterals(DataInput in) throws IOException {
        int count = in.readInt();
        List<DrlOutline.Literal> literals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            literals.add(new DrlOutline.Literal(in.readUTF(), in.readInt(), in.readInt()));
        }
        return literals;
    }

    /** Whether any file imports or matches {@code type} (a class name; its package's {@code *} counts). */
    public boolean uses(Class<?> type) {
        String wildcard = type.getPackageName() + ".*";
        return files.stream().flatMap(f -> f.types().stream()).anyMatch(t -> t.equals(type.getName()) || t.equals(wildcard));
    }

    /** Every rule in source order, file by file. */
    public List<Located> rules() {
        return files.stream().flatMap(f -> f.rules().stream().map(r -> new Located(f.file(), r))).toList();
    }
}
