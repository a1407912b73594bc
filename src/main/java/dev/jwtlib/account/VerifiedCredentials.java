package dev.jwtlib.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Duration ttl;
    private final int capacity;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedCredentials(Duration ttl, int capacity) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.ttl = ttl;
        this.capacity = capacity;
    }

    Optional<Entry> get(String username, String password, Instant now) {
        String id = id(username, password);
        Entry entry = entries.get(id);
        if (entry != null && !now.isBefore(entry.verifiedAt().plus(ttl))) {
            entries.remove(id, entry);
            return Optional.empty();
        }
        return Optional.ofNullable(entry);
    }

    void put(String username, String password, Entry entry) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
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
