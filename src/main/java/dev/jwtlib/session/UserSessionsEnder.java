package dev.jwtlib.session;

import dev.jwtlib.account.User;
import dev.jwtlib.account.UserSessions;
import dev.jwtlib.token.RevocationList;
import dev.jwtlib.verify.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Ends a user's sessions: voids their access tokens issued so far and spends their refresh tokens. */
@ApplicationScoped
class UserSessionsEnder implements UserSessions {

    @Inject
    RefreshTokens refreshTokens;
    @Inject
    RevocationList revocations;
    @Inject
    TokenSettings tokenSettings;
    @Inject
    Clock clock;

    @Override
    public void endAll(User user) {
        revocations.revokeUser(user.id(), tokenSettings.ttl());
        refreshTokens.endUser(user.id(), clock.instant());
    }
}
