package org.frametag.core.io;

import java.io.InputStream;
import java.nio.file.Path;

/** One place documents are read from. */
public sealed interface Input {

    /** How this input is named in output and error reports. */
    String name();

    record FileInput(Path path) implements Input {
        @Override
        public String name() {
            return path.toString();
        }
    }

    record StandardInput(InputStream stream) implements Input {
        @Override
        public String name() {
            return "-";
        }
    }
}
