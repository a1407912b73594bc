package dev.jwtlib.token;

import dev.jwtlib.config.ConfigValues;
import dev.jwtlib.verify.TokenIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the generated private signing keys before they reach the store, with AES-256-GCM under
 * a key-encryption key that is never in the store: {@code jwtlib.keys.encryption-key}, or for the
 * embedded store a key generated once into a file readable by this user only (mode 0600). The
 * key's id and algorithm are authenticated with it, so a stored key cannot be passed off under
 * another id. Whoever reads the store (a backup, another local process) gets no signing key
 * without the key-encryption key too.
 */
public final class KeyEncryption {

    private static final Logger LOG = Logger.getLogger(KeyEncryption.class.getName());
    private static final String PREFIX = "enc:v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    /** Names the key-encryption key (a digest of it), so a wrong one is told apart from a broken store. */
    private final String keyId;
    private final String source;

    KeyEncryption(byte[] key, String source) {
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = TokenIds.digest(Base64.getEncoder().encodeToString(key)).substring(0, 11);
        this.source = source;
    }

    /**
     * The configured key-encryption key, the one in its file, or a new one written to that file
     * (embedded store only).
     *
     * @throws IllegalStateException naming the setting, when the key is missing where it must be
     *                               configured, or invalid
     */
    public static KeyEncryption from(KeySettings settings) {
        if (settings.encryptionKey().isPresent()) {
            return new KeyEncryption(decode(settings.encryptionKey().get(), KeySettings.ENCRYPTION_KEY), KeySettings.ENCRYPTION_KEY);
        }
        Path file = settings.encryptionKeyFile().toAbsolutePath();
        if (Files.exists(file)) {
            return new KeyEncryption(read(file), "the file " + file);
        }
        if (!settings.mayGenerateEncryptionKey()) {
            throw new IllegalStateException("Configuration " + KeySettings.ENCRYPTION_KEY + " is missing: with "
                    + "jwtlib.mongodb.url the generated signing keys are kept in the shared store, encrypted with a key "
                    + "that is not in it. Set it to the same 32 random bytes, base64, on every instance "
                    + "(openssl rand -base64 32), or point " + KeySettings.ENCRYPTION_KEY_FILE + " to a file that holds them.");
        }
        return new KeyEncryption(generate(file), "the file " + file + " (generated)");
    }

    /** The key in a form that can be stored. */
    StoredSigningKey seal(StoredSigningKey clear) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associated(clear));
            byte[] sealed = cipher.doFinal(clear.privateJwk().getBytes(StandardCharsets.UTF_8));
            String text = PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
            return new StoredSigningKey(clear.kid(), clear.alg(), text, clear.createdAt(), clear.activatesAt());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from the JDK", e);
        }
    }

    /**
     * Any other secret in a form that can be stored (a TOTP secret), bound to {@code context}
     * (e.g. {@code totp|<user id>}): it opens only with the same context, so a sealed value moved
     * to another user's document is useless.
     */
    public String seal(byte[] clear, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear);
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from the JDK", e);
        }
    }

    /**
     * The secret {@link #seal(byte[], String) sealed} with this context.
     *
     * @throws IllegalStateException when it was sealed with another key-encryption key or
     *                               context, or changed
     */
    public byte[] open(String sealed, String context) {
        String[] parts = sealed.startsWith(PREFIX) ? sealed.substring(PREFIX.length()).split(":", 2) : new String[0];
        if (parts.length != 2 || !parts[0].equals(keyId)) {
            throw new IllegalStateException("A secret in the store was encrypted with another key-encryption key than "
                    + source + ": every instance sharing a store needs the same " + KeySettings.ENCRYPTION_KEY + ".");
        }
        try {
            byte[] data = Base64.getDecoder().decode(parts[1]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A secret in the store cannot be decrypted: it was changed or moved", e);
        }
    }

    /** Whether the key is stored encrypted (an earlier version stored keys in clear). */
    static boolean sealed(StoredSigningKey stored) {
        return stored.privateJwk().startsWith(PREFIX);
    }

    /**
     * The stored key in clear.
     *
     * @throws IllegalStateException when it was encrypted with another key-encryption key, or
     *                               changed, or is not encrypted at all
     */
    StoredSigningKey open(StoredSigningKey stored) {
        if (!sealed(stored)) {
            throw new IllegalStateException("Signing key kid=" + stored.kid() + " is stored in clear");
        }
        String[] parts = stored.privateJwk().substring(PREFIX.length()).split(":", 2);
        if (parts.length != 2 || !parts[0].equals(keyId)) {
            throw new IllegalStateException("Signing key kid=" + stored.kid() + " in the store was encrypted with another "
                    + "key-encryption key than " + source + ": every instance sharing a store needs the same "
                    + KeySettings.ENCRYPTION_KEY + ".");
        }
        try {
            byte[] data = Base64.getDecoder().decode(parts[1]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(associated(stored));
            String clear = new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
            return new StoredSigningKey(stored.kid(), stored.alg(), clear, stored.createdAt(), stored.activatesAt());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Signing key kid=" + stored.kid() + " in the store cannot be decrypted: it was "
                    + "changed, or moved to another kid", e);
        }
    }

    /** Where the key-encryption key comes from, for the start-up log. */
    String describe() {
        return "key-encryption key from " + source;
    }

    private static byte[] associated(StoredSigningKey key) {
        return (key.kid() + "|" + key.alg()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String text, String where) {
        try {
            byte[] key = Base64.getDecoder().decode(text.trim());
            if (key.length == KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ConfigValues.invalid(where, "***", "32 random bytes in base64 (openssl rand -base64 32)");
    }

    private static byte[] read(Path file) {
        try {
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                    LOG.warning(() -> "jwtlib: the key-encryption key file " + file + " is readable by others ("
                            + PosixFilePermissions.toString(permissions) + "); make it rw------- (chmod 600)");
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), KeySettings.ENCRYPTION_KEY_FILE + " (" + file + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key-encryption key file " + file, e);
        }
    }

    /**
     * Writes a new key to a temporary file beside {@code file} and links it into place, which
     * fails if the file exists: an instance starting at the same moment never reads a half-written
     * file, and never has its key replaced by another's.
     */
    private static byte[] generate(Path file) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            try {
                temporary = Files.createTempFile(file.getParent(), ".kek", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                temporary = Files.createTempFile(file.getParent(), ".kek", ".tmp"); // not POSIX: protect the directory
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException e) {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            LOG.info(() -> "jwtlib: generated a key-encryption key for the signing keys in " + file
                    + " (keep it with the store's backups, apart from them)");
            return key;
        } catch (FileAlreadyExistsException e) {
            return read(file); // another instance made it a moment ago
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key-encryption key file " + file + "; set "
                    + KeySettings.ENCRYPTION_KEY + " or " + KeySettings.ENCRYPTION_KEY_FILE, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.warning(() -> "jwtlib: cannot remove the temporary file " + e.getMessage());
                }
            }
        }
    }
}
