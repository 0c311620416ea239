package org.frametag.cli;

import picocli.CommandLine.Option;

/**
 * {@code --verbose} for the commands that run rules. The rule engine logs through SLF4J, which
 * the CLI binds to slf4j-simple, quiet by default; the option raises its level before the first
 * logger exists (parsing comes before any command runs).
 */
public final class VerboseOption {

    @Option(names = "--verbose", description = "Show the rule engine's log messages.")
    void verbose(boolean verbose) {
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.drools", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.kie", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.frametag", "info");
        }
    }
}
