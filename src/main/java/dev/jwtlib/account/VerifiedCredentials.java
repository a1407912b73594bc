package dev.jwtlib.account;

import com.github.benmanes.caffeine.cache.Cache;
import dev.jwtlib.verify.Caches;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Service-client credentials (HTTP Basic) that passed a PBKDF2 check a moment ago, so that an
 * introspection caller pays that check about once a minute, not on every call. Entries are keyed
 * by an HMAC of username and password under a random key that lives only in this instance's
 * memory, so the cache holds nothing an attacker could test passwords against offline.
 */
final class VerifiedCredentials {

    /** Who the credentials belong to, and when they were checked. */
    record Entry(String userId, String username, Set<String> roles, Instant verifiedAt) {
    }

    private final SecretKeySpec key;
    private final Cache<String, Entry> entries;

    VerifiedCredentials(Duration ttl, int capacity, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.entries = Caches.newBuilder(clock).maximumSize(capacity).expireAfterWrite(ttl).build();
    }

    Optional<Entry> get(String username, String password) {
        return Optional.ofNullable(entries.getIfPresent(id(username, password)));
    }

    void put(String username, String password, Entry entry) {
        entries.put(id(username, password), entry);
    }

    private String id(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }
}
