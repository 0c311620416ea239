package org.frametag.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.frametag.rules.eval.GoldFile;
import org.frametag.rules.eval.GoldSentence;

/** Reads a gold file for a command; one it cannot read ends the command with the reason. */
final class GoldLabels {

    static List<GoldSentence> read(Path gold) {
        try {
            return GoldFile.read(gold);
        } catch (IOException | GoldFile.GoldFormatException e) {
            throw new CommandFailure("cannot read gold file: " + e.getMessage());
        }
    }

    private GoldLabels() {
    }
}
