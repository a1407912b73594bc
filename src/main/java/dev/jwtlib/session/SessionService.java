package dev.jwtlib.session;

import dev.jwtlib.account.AccountService;
import dev.jwtlib.account.PublicUser;
import dev.jwtlib.account.User;
import dev.jwtlib.account.Users;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.token.AccessTokens;
import dev.jwtlib.token.IssuedToken;
import dev.jwtlib.token.RevocationList;
import dev.jwtlib.token.TokenIssuer;
import dev.jwtlib.token.TokenSubject;
import dev.jwtlib.verify.TokenIds;
import dev.jwtlib.verify.TokenSettings;
import dev.jwtlib.verify.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logins and their token families: login (the Python {@code login_user}), refresh with
 * single-use rotation and reuse detection, and logout ({@code logout_user}).
 */
@ApplicationScoped
public class SessionService {

    private static final int REFRESH_TOKEN_BYTES = 32;

    private SecurityEvents events;
    private AccountService accounts;
    private Users users;
    private TokenIssuer issuer;
    private AccessTokens accessTokens;
    private RefreshTokens refreshTokens;
    private RevocationList revocations;
    private TokenSettings tokenSettings;
    private SessionSettings settings;
    private Clock clock;

    @Inject
    public SessionService(SecurityEvents events, AccountService accounts, Users users, TokenIssuer issuer,
                          AccessTokens accessTokens, RefreshTokens refreshTokens, RevocationList revocations,
                          TokenSettings tokenSettings, SessionSettings settings, Clock clock) {
        this.events = events;
        this.accounts = accounts;
        this.users = users;
        this.issuer = issuer;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.tokenSettings = tokenSettings;
        this.settings = settings;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    SessionService() {
    }

    /**
     * A login from the source address {@code source} (for the lockout): a new login (token
     * family) with its first access and refresh token.
     *
     * @throws BadCredentials for a wrong username or password or an inactive user
     * @throws dev.jwtlib.error.TooManyFailures while the account is locked for this source
     */
    public LoginResponse login(String username, String password, String source) {
        User user = accounts.authenticate(username, password, source).orElseThrow(BadCredentials::new);
        Instant now = clock.instant();
        String login = TokenIds.random(16);
        String refresh = newRefreshToken(login);
        refreshTokens.start(new Login(login, user.id(), user.username(), now, now.plus(settings.maxLifetime()), false,
                Map.of(TokenIds.digest(refresh), refreshExpiry(now, now.plus(settings.maxLifetime()))), List.of()));
        return pair(user, login, refresh, now);
    }

    /**
     * Exchanges a refresh token for a new pair. A spent token presented again ends its whole
     * login: every refresh token and access token of it.
     *
     * <p>Two store round trips: the rotation and the user. The token names its login, so an
     * ended login is refused before the rotation from the in-memory revocation list, and an ended
     * user likewise after it. The rotation is what makes an ending immediate on every instance:
     * ending a login or a user empties its live tokens in the store. The user is still read: a
     * login (or a refresh on another instance) that races a deactivation or role change can hold
     * a token the change did not end, and only the current user refuses it or gives it the
     * current roles. However often it is refreshed, a login ends {@code jwtlib.session.max-lifetime}
     * after it began.
     *
     * @throws InvalidToken when the token is unknown, expired, spent, or its login or user ended
     */
    public LoginResponse refresh(String refreshToken) {
        Instant now = clock.instant();
        // An ended login is checked before the rotation, not after: when the same token is raced,
        // the one rotation that wins answers 200 even though the losers' reuse then ends the login.
        String login = loginOf(refreshToken).orElseThrow(() -> refusedRefresh(false));
        if (revocations.sessionEnded(login)) {
            throw refusedRefresh(false);
        }
        String digest = TokenIds.digest(refreshToken);
        String next = newRefreshToken(login);
        String nextDigest = TokenIds.digest(next);
        Login before = refreshTokens.rotate(login, digest, nextDigest, now.plus(settings.refreshTtl()))
                .orElseThrow(() -> refusedRefresh(false));
        if (!before.accepts(digest, now)) {
            throw refused(before, digest, nextDigest, now);
        }
        if (revocations.userEndedSince(before.userId(), before.start())) {
            throw refusedRefresh(false);
        }
        User user = users.byId(before.userId()).filter(User::active).orElseThrow(() -> refusedRefresh(false));
        LoginResponse pair = pair(user, login, next, now);
        events.refresh(user.username(), "success");
        return pair;
    }

    /** A refresh token is its login's id (the access tokens' {@code sid}), a dot, and a random secret. */
    static Optional<String> loginOf(String refreshToken) {
        int dot = refreshToken.indexOf('.');
        return dot > 0 ? Optional.of(refreshToken.substring(0, dot)) : Optional.empty();
    }

    /**
     * Revokes the presented access token (by {@code jti}) and, when a refresh token of a login is
     * given, that login. Never fails for a bad or missing token.
     */
    public void logout(Optional<String> accessToken, Optional<String> refreshToken) {
        accessToken.flatMap(this::verifiedOrEmpty).ifPresent(token -> {
            revocations.revokeToken(token.jti(), token.expiresAt());
            events.logout(token.username());
        });
        refreshToken.ifPresent(token -> loginOf(token)
                .flatMap(refreshTokens::find)
                .filter(login -> login.issued(TokenIds.digest(token)))
                .ifPresent(login -> end(login.id(), clock.instant())));
    }

    private Optional<VerifiedToken> verifiedOrEmpty(String token) {
        try {
            return Optional.of(accessTokens.verify(token));
        } catch (InvalidToken e) {
            return Optional.empty();
        }
    }

    /**
     * A rotation that was no exchange. A spent token of a live login presented again is reuse:
     * the login ends. Anything else (a made-up token, one of an ended or expired login) is taken
     * back and refused without ending anything, so that knowing a login's id is not enough to end it.
     */
    private InvalidToken refused(Login before, String digest, String next, Instant now) {
        boolean spentBefore = before.spent().contains(digest);
        if (spentBefore && !before.ended() && before.endsAt().isAfter(now)) {
            end(before.id(), now);
            events.refresh(before.username(), "reuse_detected");
            return refusedRefresh(true);
        }
        refreshTokens.undo(before.id(), digest, next, spentBefore);
        return refusedRefresh(false);
    }

    /**
     * One answer for every refused refresh token (unknown, expired, spent, ended): no hint which.
     * A reuse has been counted already ({@code counted}).
     */
    private InvalidToken refusedRefresh(boolean counted) {
        if (!counted) {
            events.refresh(null, "refused");
        }
        return InvalidToken.rejected("The refresh token is not valid.");
    }

    private void end(String login, Instant now) {
        refreshTokens.end(login, now);
        Duration longest = settings.maxLifetime().compareTo(tokenSettings.ttl()) > 0 ? settings.maxLifetime()
                : tokenSettings.ttl();
        revocations.revokeSession(login, now.plus(longest));
    }

    private String newRefreshToken(String login) {
        return login + "." + TokenIds.random(REFRESH_TOKEN_BYTES);
    }

    /** A refresh token lives {@code jwtlib.refresh.ttl}, but not past the end of its login. */
    private Instant refreshExpiry(Instant now, Instant loginEndsAt) {
        Instant expiry = now.plus(settings.refreshTtl());
        return expiry.isAfter(loginEndsAt) ? loginEndsAt : expiry;
    }

    private LoginResponse pair(User user, String login, String refreshToken, Instant now) {
        IssuedToken access = issuer.issue(new TokenSubject(user.id(), user.username(), user.roleSet()), login);
        return new LoginResponse(access.token(), "Bearer", tokenSettings.ttl().toSeconds(), refreshToken,
                PublicUser.of(user));
    }
}
