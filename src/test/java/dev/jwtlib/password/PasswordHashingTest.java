package dev.jwtlib.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

/**
 * The hashing parameters: OWASP's defaults, read from configuration, understood by a real
 * {@code Pbkdf2PasswordHash} (Soteria's), and checked against an independent JDK computation.
 */
class PasswordHashingTest {

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    @Test
    void settingsWhenNothingConfiguredThenOwaspDefaults() {
        PasswordSettings settings = PasswordSettings.from(config(Map.of()));
        assertEquals(new PasswordSettings("PBKDF2WithHmacSHA256", 600_000, 32, 32, 15), settings);
    }

    @Test
    void settingsWhenOutOfRangeThenStartupFailsNamingTheKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PasswordSettings.from(config(Map.of("jwtlib.password.min-length", "7"))));
        assertTrue(e.getMessage().contains("jwtlib.password.min-length"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> PasswordSettings.from(config(Map.of("jwtlib.password.iterations", "lots"))));
        assertThrows(IllegalStateException.class,
                () -> PasswordSettings.from(config(Map.of("jwtlib.password.algorithm", "MD5"))));
    }

    @Test
    void hashWhenDefaultParametersThenJdkRecomputesTheSameKey() throws Exception {
        Pbkdf2PasswordHashImpl hash = new Pbkdf2PasswordHashImpl();
        hash.initialize(PasswordSettings.from(config(Map.of())).hashParameters());
        String encoded = hash.generate("correct horse battery staple".toCharArray());

        String[] parts = encoded.split(":");
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals(600_000, Integer.parseInt(parts[1]));
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] key = Base64.getDecoder().decode(parts[3]);
        assertEquals(32, salt.length);
        assertEquals(32, key.length);

        byte[] oracle = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("correct horse battery staple".toCharArray(), salt, 600_000, 256))
                .getEncoded();
        assertArrayEquals(oracle, key);
        assertTrue(hash.verify("correct horse battery staple".toCharArray(), encoded));
        assertFalse(hash.verify("correct horse battery stapler".toCharArray(), encoded));
    }
}
