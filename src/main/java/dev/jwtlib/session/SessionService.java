package dev.jwtlib.session;

import dev.jwtlib.account.AccountService;
import dev.jwtlib.account.PublicUser;
import dev.jwtlib.account.User;
import dev.jwtlib.account.Users;
import dev.jwtlib.audit.SecurityEvents;
import dev.jwtlib.error.BadCredentials;
import dev.jwtlib.error.InvalidToken;
import dev.jwtlib.lifecycle.EmailVerification;
import dev.jwtlib.mfa.SecondFactorService;
import dev.jwtlib.token.Amr;
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
import java.util.Optional;

/**
 * Logins and their token families: login (the Python {@code login_user}), refresh with
 * single-use rotation and reuse detection, and logout ({@code logout_user}).
 */
@ApplicationScoped
public class SessionService {

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
    /** The login gate of {@code jwtlib.registration.require-verified-email}. */
    private EmailVerification verification;
    /** The second step of a login, and the roles its tokens may carry. */
    private SecondFactorService secondFactor;

    @Inject
    public SessionService(SecurityEvents events, AccountService accounts, Users users, TokenIssuer issuer,
                          AccessTokens accessTokens, RefreshTokens refreshTokens, RevocationList revocations,
                          TokenSettings tokenSettings, SessionSettings settings, EmailVerification verification,
                          SecondFactorService secondFactor, Clock clock) {
        this.verification = verification;
        this.secondFactor = secondFactor;
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
     * family) with its first access and refresh token or, for a user with a second factor, the
     * {@link MfaChallenge} of the second step.
     *
     * @throws BadCredentials for a wrong username or password or an inactive user
     * @throws dev.jwtlib.error.TooManyFailures while the account is locked for this source
     * @throws dev.jwtlib.lifecycle.EmailNotVerified when a verified address is required and this one is not
     */
    public LoginResult login(String username, String password, String source) {
        User user = accounts.authenticate(username, password, source).orElseThrow(BadCredentials::new);
        verification.requireVerified(user);
        if (secondFactor.needsSecondStep(user)) {
            SecondFactorService.Challenge challenge = secondFactor.challenge(user);
            return new MfaChallenge(true, challenge.mfaToken(), challenge.expiresIn());
        }
        return start(user, Amr.PASSWORD);
    }

    /**
     * The second step of a login: the {@code mfa_token} of the first and a TOTP or recovery code.
     *
     * @throws BadCredentials for a wrong, used or expired token or code
     * @throws dev.jwtlib.error.TooManyFailures while the account is locked for this source
     */
    public LoginResponse completeLogin(String mfaToken, String code, String source) {
        return start(secondFactor.complete(mfaToken, code, source), SecondFactorService.secondFactorAmr());
    }

    private LoginResponse start(User user, List<String> amr) {
        Instant now = clock.instant();
        Instant endsAt = now.plus(settings.maxLifetime());
        RefreshToken refresh = RefreshToken.first(TokenIds.random(16));
        refreshTokens.start(Login.started(refresh.login(), user.id(), user.username(), user.sessionEpoch(), now, endsAt,
                refresh.digest(), refreshExpiry(now, endsAt), amr));
        return pair(user, refresh, now, amr);
    }

    /**
     * Exchanges a refresh token for a new pair. A spent token presented again ends its whole
     * login: every refresh token and access token of it.
     *
     * <p>Two store round trips: the rotation and the user. The token names its login, so an
     * ended login is refused before the rotation from the in-memory revocation list. The
     * rotation is what makes an ending immediate on every instance: ending a login or a user
     * empties its live tokens in the store. The user is still read: a login (or a refresh on
     * another instance) that races a deactivation, a role change or the end of the user's
     * sessions can hold a token the change did not end, and only the current user (active, with
     * the session epoch the login began in) refuses it or gives it the current roles. However
     * often it is refreshed, a login ends {@code jwtlib.session.max-lifetime} after it began.
     *
     * @throws InvalidToken when the token is unknown, expired, spent, or its login or user ended
     */
    public LoginResponse refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken presented = RefreshToken.parse(refreshToken).orElseThrow(() -> refusedRefresh(false));
        // An ended login is checked before the rotation, not after: when the same token is raced,
        // the one rotation that wins answers 200 even though the losers' reuse then ends the login.
        if (revocations.sessionEnded(presented.login())) {
            throw refusedRefresh(false);
        }
        String digest = presented.digest();
        RefreshToken next = presented.next();
        Login before = refreshTokens.rotate(presented.login(), presented.generation(), digest, next.digest(),
                        now.plus(settings.refreshTtl()))
                .orElseThrow(() -> refusedRefresh(false));
        if (!before.live().containsKey(digest)) {
            throw notLive(before, presented, next, now);
        }
        try {
            Optional<User> user = before.accepts(digest, now)
                    ? users.byId(before.userId()).filter(u -> u.active() && u.sessionEpoch() == before.epoch())
                    : Optional.empty();
            if (user.isEmpty()) {
                // the token is spent now, and its login has no live token left: it cannot be refreshed again
                refreshTokens.undo(before.id(), next.digest());
                throw refusedRefresh(false);
            }
            LoginResponse pair = pair(user.get(), next, now, before.amr());
            events.refresh(user.get().username(), "success");
            return pair;
        } catch (InvalidToken e) {
            throw e;
        } catch (RuntimeException e) {
            // the store or the signing failed after the token was spent: give it back, so the client can retry
            refreshTokens.restore(before.id(), presented.generation(), digest, next.digest());
            throw e;
        }
    }

    /**
     * A rotation that did not win: the presented token was not live. A spent token of a live
     * login presented again is reuse: the login ends. Anything else (a made-up token, one of an
     * ended or expired login, one spent too long ago to be remembered) is refused without ending
     * anything, so that knowing a login's id is not enough to end it. Either way the next token
     * the rotation made live is taken back.
     */
    private InvalidToken notLive(Login before, RefreshToken presented, RefreshToken next, Instant now) {
        refreshTokens.undo(before.id(), next.digest());
        if (before.spent(presented.generation(), presented.digest()) && before.open(now)) {
            end(before.id(), now);
            events.refresh(before.username(), "reuse_detected");
            return refusedRefresh(true);
        }
        return refusedRefresh(false);
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
        refreshToken.flatMap(RefreshToken::parse).ifPresent(token -> refreshTokens.find(token.login())
                .filter(login -> login.issued(token.digest()))
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

    /** A refresh token lives {@code jwtlib.refresh.ttl}, but not past the end of its login. */
    private Instant refreshExpiry(Instant now, Instant loginEndsAt) {
        Instant expiry = now.plus(settings.refreshTtl());
        return expiry.isAfter(loginEndsAt) ? loginEndsAt : expiry;
    }

    private LoginResponse pair(User user, RefreshToken refreshToken, Instant now, List<String> amr) {
        IssuedToken access = issuer.issue(new TokenSubject(user.id(), user.username(), secondFactor.tokenRoles(user, amr)),
                refreshToken.login(), amr);
        return new LoginResponse(access.token(), "Bearer", tokenSettings.ttl().toSeconds(), refreshToken.value(),
                PublicUser.of(user));
    }
}
