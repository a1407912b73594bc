package dev.jwtlib.http;

import jakarta.ws.rs.core.CacheControl;

/**
 * {@code Cache-Control: no-store}, for answers that carry tokens or secrets (RFC 6749 section
 * 5.1), and nothing more ({@link CacheControl} adds {@code no-transform} unless told not to).
 */
public final class NoStore {

    private NoStore() {
    }

    public static CacheControl cacheControl() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return noStore;
    }
}
