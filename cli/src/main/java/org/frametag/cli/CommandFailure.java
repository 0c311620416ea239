package org.frametag.cli;

/**
 * A command cannot do what was asked (a gold file it cannot read, a rule that does not exist);
 * printed as {@code frametag: MESSAGE}, exit code 1.
 */
final class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message);
    }
}
