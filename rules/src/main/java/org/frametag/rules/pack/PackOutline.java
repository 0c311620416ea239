package org.frametag.rules.pack;

import java.io.Serializable;
import java.util.List;

/**
 * The outlines of every DRL file of a pack, to find a rule's source by its name: where it is,
 * what it tags and which concepts it needs. A pack is parsed once, when it is compiled (or read
 * from the compiled-pack cache with its rule base), and its outline travels with the classifier.
 */
public record PackOutline(List<DrlOutline> files) implements Serializable {

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
