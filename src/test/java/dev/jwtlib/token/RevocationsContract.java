package dev.jwtlib.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtlib.token.Revocation.Kind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Revocations} must do, run against each implementation. */
public abstract class RevocationsContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private Revocations store;

    /** A fresh, empty store of revocations. */
    protected abstract Revocations newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void recordedSinceThenOnlyThoseRecordedAtOrAfterAndNotExpired() {
        Revocation early = new Revocation(Kind.TOKEN, "j-1", T0.plusSeconds(900), T0, T0.plusSeconds(900));
        Revocation late = new Revocation(Kind.SESSION, "s-1", T0.plusSeconds(960), T0.plusSeconds(60), T0.plusSeconds(960));
        Revocation expired = new Revocation(Kind.USER, "u-1", T0.plusSeconds(60), T0.plusSeconds(60), T0.plusSeconds(100));
        store.put(early);
        store.put(late);
        store.put(expired);
        assertEquals(List.of(late), store.recordedSince(T0.plusSeconds(60), T0.plusSeconds(120)));
        assertEquals(2, store.recordedSince(T0, T0.plusSeconds(120)).size());
    }

    @Test
    void putWhenSameKindAndValueThenReplaced() {
        store.put(new Revocation(Kind.USER, "u-1", T0, T0, T0.plusSeconds(900)));
        Revocation again = new Revocation(Kind.USER, "u-1", T0.plusSeconds(30), T0.plusSeconds(30), T0.plusSeconds(930));
        store.put(again);
        store.put(new Revocation(Kind.TOKEN, "u-1", T0, T0, T0.plusSeconds(900)));
        List<Revocation> users = store.recordedSince(T0, T0).stream().filter(r -> r.kind() == Kind.USER).toList();
        assertEquals(List.of(again), users);
        assertEquals(2, store.recordedSince(T0, T0).size());
    }
}
