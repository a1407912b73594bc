package dev.jwtlib.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key-encryption key comes from, and what it protects. */
class KeyEncryptionTest {

    @TempDir
    Path directory;

    private KeySettings generating(Path file) {
        return new KeySettings(Duration.ofMinutes(10), Duration.ofDays(30), Optional.empty(), Optional.empty(), file, true);
    }

    @Test
    void fromWhenNoKeyIsConfiguredForTheEmbeddedStoreThenOneFileOnlyTheOwnerReadsAndEveryStartReadsIt() throws Exception {
        Path file = directory.resolve("jwtlib-keys.kek");
        KeyEncryption first = KeyEncryption.from(generating(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).trim()).length);
        StoredSigningKey clear = new StoredSigningKey("kid1", "ES256", "{\"kty\":\"EC\"}", 0L, 0L);
        StoredSigningKey sealed = first.seal(clear);
        assertEquals(clear.privateJwk(), KeyEncryption.from(generating(file)).open(sealed).privateJwk(),
                "the next start reads the same key");
        try (Stream<Path> left = Files.list(directory)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void fromWhenInstancesStartTogetherThenAllEndUpWithTheOneKeyInTheFile() throws Exception {
        Path file = directory.resolve("together.kek");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<KeyEncryption>> starts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                starts.add(() -> KeyEncryption.from(generating(file)));
            }
            StoredSigningKey clear = new StoredSigningKey("kid1", "ES256", "{}", 0L, 0L);
            List<StoredSigningKey> sealed = new ArrayList<>();
            for (Future<KeyEncryption> started : pool.invokeAll(starts)) {
                sealed.add(started.get().seal(clear));
            }
            KeyEncryption fromFile = KeyEncryption.from(generating(file));
            for (StoredSigningKey key : sealed) {
                assertEquals("{}", fromFile.open(key).privateJwk(), "every instance used the key that is in the file");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openWhenTheKeyIsInClearThenRefused() {
        KeyEncryption encryption = new KeyEncryption(new byte[32], "a test key");
        StoredSigningKey clear = new StoredSigningKey("kid1", "ES256", "{}", 0L, 0L);
        assertThrows(IllegalStateException.class, () -> encryption.open(clear));
        assertTrue(KeyEncryption.sealed(encryption.seal(clear)));
    }
}
