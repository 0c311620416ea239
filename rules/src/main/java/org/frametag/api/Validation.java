package org.frametag.api;

import java.util.List;
import java.util.Optional;

/**
 * Everything found wrong with a pack, sorted by place, and the loaded pack when nothing stops it
 * from running (warnings do not).
 *
 * @param diagnostics errors and warnings, each with its file, line and column
 * @param frametag    the pack, ready to classify, when there are no errors
 */
public record Validation(List<Diagnostic> diagnostics, Optional<Frametag> frametag) {

    public Validation {
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    public boolean ok() {
        return frametag.isPresent();
    }
}
