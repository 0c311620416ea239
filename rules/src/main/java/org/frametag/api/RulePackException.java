package org.frametag.api;

import java.util.List;
import java.util.stream.Collectors;

/** A rule pack that cannot be used, with every error found in it. */
public final class RulePackException extends Exception {

    private final transient List<Diagnostic> diagnostics;

    public RulePackException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
