package org.frametag.rules.pack;

/**
 * A file of a rule pack, held in memory so a pack compiles the same wherever it came from.
 *
 * @param path    the path inside the pack, with {@code /} separators, as messages show it
 * @param content the file's text
 */
public record PackFile(String path, String content) {
}
