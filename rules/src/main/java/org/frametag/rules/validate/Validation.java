package org.frametag.rules.validate;

import java.util.List;
import java.util.Optional;
import org.frametag.rules.engine.Classifier;
import org.frametag.rules.engine.Diagnostic;

/**
 * Everything found wrong with a pack, sorted by place, and the compiled classifier when the
 * pack has no errors.
 */
public record Validation(List<Diagnostic> diagnostics, Optional<Classifier> classifier) {

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
        return classifier.isPresent();
    }
}
