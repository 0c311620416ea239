package org.frametag.cli;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Waits for saves in a rule folder and its subfolders. Editors save in bursts (a temporary
 * file, a rename, a touch), so a change is reported once the folder has been quiet for a
 * moment. Closing the watcher from another thread ends a wait cleanly.
 */
final class RuleWatcher implements AutoCloseable {

    private final WatchService service;

    RuleWatcher(Path folder) throws IOException {
        this.service = folder.getFileSystem().newWatchService();
        try (Stream<Path> dirs = Files.walk(folder)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                register(dir);
            }
        }
    }

    private void register(Path dir) throws IOException {
        dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    }

    /**
     * Blocks until something in the folder changes and then stays unchanged for {@code settle}.
     *
     * @return false when the watcher was closed instead
     */
    boolean awaitChange(Duration settle) throws InterruptedException, IOException {
        try {
            drain(service.take());
            WatchKey more;
            while ((more = service.poll(settle.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                drain(more);
            }
            return true;
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }

    private void drain(WatchKey key) throws IOException {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == ENTRY_CREATE && event.context() instanceof Path name && Files.isDirectory(dir.resolve(name))) {
                register(dir.resolve(name));
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
