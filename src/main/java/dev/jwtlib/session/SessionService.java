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
     * @throws BadCredentials for a wrong username or password or an inactive user
     */
    public LoginResponse login(String username, String password) {
        User user = accounts.authenticate(username, password).orElseThrow(BadCredentials::new);
        return issuePair(user, TokenIds.random(16), clock.instant());
    }

    /**
     * Exchanges a refresh token for a new pair. A token presented a second time ends its whole
     * family: every refresh token and access token of that login.
     *
     * <p>Three store round trips: the claim, the user and the new token. The token names its
     * family, so an ended login is refused before the claim from the in-memory revocation list,
     * and an ended user likewise after it. The claim is what makes an ending immediate on every
     * instance: ending a login or a user spends its unused tokens in the store. The user is still
     * read: a login (or a refresh on another instance) that races a deactivation or role change
     * can store a token after the change spent the user's tokens, and only the current user
     * refuses it or gives it the current roles.
     *
     * @throws InvalidToken when the token is unknown, expired, used, or its login or user ended
     */
    public LoginResponse refresh(String refreshToken) {
        Instant now = clock.instant();
        // An ended login is checked before the claim, not after: when the same token is raced,
        // the one claim that wins answers 200 even though the losers' reuse then ends the login.
        String family = familyOf(refreshToken).orElseThrow(() -> refusedRefresh(false));
        if (revocations.sessionEnded(family)) {
            throw refusedRefresh(false);
        }
        String digest = TokenIds.digest(refreshToken);
        Optional<RefreshToken> before = refreshTokens.markUsed(digest, now);
        RefreshToken entry = before.filter(token -> token.usableAt(now)).orElseThrow(() -> refused(before, now));
        String userId = entry.userId();
        if (!entry.family().equals(family) || revocations.userEndedSince(userId, entry.familyStart())) {
            throw refusedRefresh(false);
        }
        User user = users.byId(userId).filter(User::active).orElseThrow(() -> refusedRefresh(false));
        LoginResponse pair = issuePair(user, family, entry.familyStart());
        events.refresh(user.username(), "success");
        return pair;
    }

    /** A refresh token is its family (the login's {@code sid}), a dot, and a random secret. */
    static Optional<String> familyOf(String refreshToken) {
        int dot = refreshToken.indexOf('.');
        return dot > 0 ? Optional.of(refreshToken.substring(0, dot)) : Optional.empty();
    }

    /**
     * Revokes the presented access token (by {@code jti}) and, when a refresh token is given,
     * its family. Never fails for a bad or missing token.
     */
    public void logout(Optional<String> accessToken, Optional<String> refreshToken) {
        accessToken.flatMap(this::verifiedOrEmpty).ifPresent(token -> {
            revocations.revokeToken(token.jti(), token.expiresAt());
            events.logout(token.username());
        });
        refreshToken.flatMap(token -> refreshTokens.find(TokenIds.digest(token)))
                .ifPresent(entry -> endFamily(entry.family(), clock.instant()));
    }

    private Optional<VerifiedToken> verifiedOrEmpty(String token) {
        try {
            return Optional.of(accessTokens.verify(token));
        } catch (InvalidToken e) {
            return Optional.empty();
        }
    }

    /** Ends the family of a spent (not ended, unexpired) token presented again: reuse. */
    private InvalidToken refused(Optional<RefreshToken> before, Instant now) {
        Optional<RefreshToken> reused = before
                .filter(entry -> entry.used() && !entry.ended() && entry.expiresAt().isAfter(now));
        if (reused.isEmpty()) {
            return refusedRefresh(false);
        }
        endFamily(reused.get().family(), now);
        events.refresh(reused.get().username(), "reuse_detected");
        return refusedRefresh(true);
    }

    /**
     * One answer for every refused refresh token (unknown, expired, used, ended): no hint which.
     * A reuse has been counted already ({@code counted}).
     */
    private InvalidToken refusedRefresh(boolean counted) {
        if (!counted) {
            events.refresh(null, "refused");
        }
        return InvalidToken.rejected("The refresh token is not valid.");
    }

    private void endFamily(String family, Instant now) {
        refreshTokens.endFamily(family, now);
        Duration longest = settings.refreshTtl().compareTo(tokenSettings.ttl()) > 0 ? settings.refreshTtl()
                : tokenSettings.ttl();
        revocations.revokeSession(family, now.plus(longest));
    }

    private LoginResponse issuePair(User user, String family, Instant familyStart) {
        Instant now = clock.instant();
        IssuedToken access = issuer.issue(new TokenSubject(user.id(), user.username(), user.roleSet()), family);
        String refresh = family + "." + TokenIds.random(REFRESH_TOKEN_BYTES);
        refreshTokens.insert(new RefreshToken(TokenIds.digest(refresh), family, user.id(), user.username(), familyStart,
                false, false, now.plus(settings.refreshTtl())), now);
        return new LoginResponse(access.token(), "Bearer", tokenSettings.ttl().toSeconds(), refresh,
                PublicUser.of(user));
    }
}
