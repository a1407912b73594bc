package dev.jwtlib.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which key signs and which keys are published at a given time. Keys take turns in the order
 * they activate: the last one activated signs; a key not yet active is already published (so
 * verifiers learn it before it signs); a key that was replaced is kept while tokens it signed can
 * still be valid ({@code lifetime} after its successor activated), then retired.
 *
 * @param signer    the key new tokens are signed with
 * @param published the keys that verify tokens and appear in the JWKS
 * @param retired   the keys no token can need any more
 */
record KeySchedule(SigningKey signer, List<SigningKey> published, List<SigningKey> retired) {

    private static final Comparator<SigningKey> ORDER =
            Comparator.comparing(SigningKey::activatesAt).thenComparing(SigningKey::kid);

    /**
     * @param lifetime the longest a token can be accepted: token lifetime plus clock skew
     */
    static KeySchedule of(List<SigningKey> keys, Instant now, Duration lifetime) {
        List<SigningKey> ordered = keys.stream().sorted(ORDER).toList();
        if (ordered.isEmpty()) {
            return new KeySchedule(null, List.of(), List.of());
        }
        List<SigningKey> active = ordered.stream().filter(k -> !k.activatesAt().isAfter(now)).toList();
        SigningKey signer = active.isEmpty() ? ordered.get(0) : active.get(active.size() - 1);
        List<SigningKey> published = new ArrayList<>();
        List<SigningKey> retired = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            SigningKey key = ordered.get(i);
            SigningKey successor = i + 1 < ordered.size() ? ordered.get(i + 1) : null;
            boolean replacedLongAgo = successor != null && !successor.activatesAt().isAfter(now)
                    && successor.activatesAt().plus(lifetime).isBefore(now);
            if (replacedLongAgo && key != signer) {
                retired.add(key);
            } else {
                published.add(key);
            }
        }
        return new KeySchedule(signer, List.copyOf(published), List.copyOf(retired));
    }
}
