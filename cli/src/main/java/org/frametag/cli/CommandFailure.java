package org.frametag.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A command cannot do what was asked (a gold file it cannot read, a rule that does not exist);
 * printed as {@code frametag: MESSAGE}, exit code 1.
 */
final class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message);
    }

    /** {@code what} failed, and why: {@code cannot create folder /proc/nope for --output: /proc/nope: permission denied}. */
    static CommandFailure of(String what, IOException e) {
        return new CommandFailure(what + ": " + reason(e));
    }

    /**
     * Why a file operation failed, in words: the file system's own reason where it gave one (a
     * {@link FileSystemException}'s message is often only the path).
     */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            String why = fs.getReason();
            if (why == null) {
                why = fs instanceof NoSuchFileException ? "no such file or folder"
                        : fs instanceof AccessDeniedException ? "permission denied"
                        : fs instanceof FileAlreadyExistsException ? "it exists, and is not a folder"
                        : fs instanceof NotDirectoryException ? "not a folder"
                        : fs instanceof DirectoryNotEmptyException ? "the folder is not empty"
                        : fs.getClass().getSimpleName();
            }
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + why;
        }
        if (e instanceof FileNotFoundException) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
