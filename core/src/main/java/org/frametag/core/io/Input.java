package org.frametag.core.io;

import java.io.InputStream;
import java.nio.file.Path;

/** One place documents are read from. */
public sealed interface Input {

    /** How this input is named in output and error reports. */
    String name();

    /**
     * A file.
     *
     * @param id the id of its document (of a JSON Lines file, the prefix of the ids of lines without one):
     *           its path relative to the folder it was found in, or its name, without the extension
     */
    record FileInput(Path path, String id) implements Input {

        /** A file named on its own: its id is its name without the extension. */
        public FileInput(Path path) {
            this(path, Inputs.withoutExtension(path.getFileName() == null ? path.toString() : path.getFileName().toString()));
        }

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

    /**
     * A path that yields no document, found while listing the inputs: a folder without matching
     * files, a broken symbolic link, a link loop, a folder that cannot be listed. Reading it
     * reports {@code reason}, so it is accounted for like any other failed input.
     */
    record Unusable(String name, String reason) implements Input {
    }
}
