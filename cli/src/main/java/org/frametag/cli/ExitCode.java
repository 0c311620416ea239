package org.frametag.cli;

/** What frametag's exit status means, so scripts and CI can act on it. */
public final class ExitCode {

    /** Everything was read and classified; for {@code test} and {@code evaluate}, the checks passed. */
    public static final int OK = 0;
    /** Bad usage, or a rule pack that does not compile; nothing useful ran. */
    public static final int USAGE_OR_RULES = 1;
    /** The run finished but some documents could not be read or classified (see the error report). */
    public static final int SOME_DOCUMENTS_FAILED = 2;

    private ExitCode() {
    }
}
