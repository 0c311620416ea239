package org.frametag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleWatcherTest {

    @TempDir
    Path dir;

    @Test
    void aSaveInASubfolderEndsTheWait() throws Exception {
        Cli.pack(dir);
        try (RuleWatcher watcher = new RuleWatcher(dir)) {
            CompletableFuture<Boolean> changed = CompletableFuture.supplyAsync(() -> await(watcher));
            Cli.write(dir, "terms/new.txt", "word\n");
            assertThat(changed.get(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closingEndsTheWaitCleanly() throws Exception {
        RuleWatcher watcher = new RuleWatcher(Cli.pack(dir));
        CompletableFuture<Boolean> changed = CompletableFuture.supplyAsync(() -> await(watcher));
        watcher.close();
        assertThat(changed.get(30, TimeUnit.SECONDS)).isFalse();
    }

    private static boolean await(RuleWatcher watcher) {
        try {
            return watcher.awaitChange(Duration.ofMillis(50));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
