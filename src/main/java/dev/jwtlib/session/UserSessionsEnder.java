package dev.jwtlib.session;

import dev.jwtlib.account.User;
import dev.jwtlib.account.UserSessions;
import dev.jwtlib.account.Users;
import dev.jwtlib.token.RevocationList;
import dev.jwtlib.verify.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Ends a user's sessions: moves the user's session epoch on (no login begun before can be
 * refreshed, also one that was being stored at this moment), voids their access tokens issued
 * so far and ends their logins' refresh tokens.
 */
@ApplicationScoped
public class UserSessionsEnder implements UserSessions {

    private Users users;
    private RefreshTokens refreshTokens;
    private RevocationList revocations;
    private TokenSettings tokenSettings;
    private Clock clock;

    @Inject
    public UserSessionsEnder(Users users, RefreshTokens refreshTokens, RevocationList revocations, TokenSettings tokenSettings,
                             Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.tokenSettings = tokenSettings;
        this.clock = clock;
    }

    /** For the CDI proxy only. */
    UserSessionsEnder() {
    }

    @Override
    public void endAll(User user) {
        users.endSessions(user.id());
        revocations.revokeUser(user.id(), tokenSettings.ttl());
        refreshTokens.endUser(user.id(), clock.instant());
    }
}
