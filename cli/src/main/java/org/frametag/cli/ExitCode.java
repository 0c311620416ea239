package org.frametag.cli;

/**
 * What frametag's exit status means, so scripts and CI can act on it. A command returns
 * {@link #OK} or {@link #SOME_DOCUMENTS_FAILED}, or {@link #USAGE_OR_RULES} when a check it runs
 * fails; anything it cannot do is an exception, mapped here.
 */
public final class ExitCode {

    /** Everything was read and classified; for {@code test} and {@code evaluate}, the checks passed. */
    public static final int OK = 0;
    /**
     * Bad usage, a rule pack that does not compile, a failed example, a score under the threshold
     * or a regression; nothing useful ran, or what ran did not pass.
     */
    public static final int USAGE_OR_RULES = 1;
    /** The run finished but some documents could not be read or classified (see the error report). */
    public static final int SOME_DOCUMENTS_FAILED = 2;

    /**
     * Standard output was closed by its reader (as in {@code frametag classify ... | head}): the run
     * stopped at once, as a tool killed by SIGPIPE does, whose status a shell shows as 128 + 13.
     */
    public static final int OUTPUT_CLOSED = 141;

    /** The exit code of a command that threw: a broken pack, unusable input or a failure of the run. */
    static int of(Throwable failure) {
        return failure instanceof StandardOutput.OutputClosed ? OUTPUT_CLOSED : USAGE_OR_RULES;
    }

    private ExitCode() {
    }
}
