package dev.jwtlib;

import dev.jwtlib.account.BootstrapAdminSettings;
import dev.jwtlib.account.LoginSettings;
import dev.jwtlib.config.ServiceUrl;
import dev.jwtlib.http.HttpSettings;
import dev.jwtlib.lifecycle.LifecycleSettings;
import dev.jwtlib.mail.MailSettings;
import dev.jwtlib.mfa.MfaSettings;
import dev.jwtlib.password.PasswordSettings;
import dev.jwtlib.session.SessionSettings;
import dev.jwtlib.store.StoreSettings;
import dev.jwtlib.token.KeySettings;
import dev.jwtlib.verify.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;

/**
 * Produces one immutable settings record per feature from MicroProfile Config, so that each
 * feature is validated once, at start-up, with a message that names the offending key.
 */
@ApplicationScoped
class Settings {

    private TokenSettings token;
    private SessionSettings session;
    private PasswordSettings password;
    private StoreSettings store;
    private BootstrapAdminSettings bootstrapAdmin;
    private LoginSettings login;
    private KeySettings keys;
    private HttpSettings http;
    private MailSettings mail;
    private LifecycleSettings lifecycle;
    private MfaSettings mfa;

    @Inject
    Settings(Config config) {
        this.token = TokenSettings.from(config, ServiceUrl.local(config));
        ServiceUrl.check(TokenSettings.ISSUER, token.issuer());
        this.session = SessionSettings.from(config);
        this.password = PasswordSettings.from(config);
        this.store = StoreSettings.from(config);
        this.bootstrapAdmin = BootstrapAdminSettings.from(config);
        this.login = LoginSettings.from(config);
        this.keys = KeySettings.from(config, store.url().isEmpty(),
                store.embeddedPath().toAbsolutePath().resolveSibling("jwtlib-keys.kek"));
        this.http = HttpSettings.from(config);
        this.mail = MailSettings.from(config);
        this.lifecycle = LifecycleSettings.from(config);
        this.mfa = MfaSettings.from(config);
    }

    /** For the CDI proxy only. */
    Settings() {
    }

    @Produces
    TokenSettings token() {
        return token;
    }

    @Produces
    SessionSettings session() {
        return session;
    }

    @Produces
    PasswordSettings password() {
        return password;
    }

    @Produces
    StoreSettings store() {
        return store;
    }

    @Produces
    BootstrapAdminSettings bootstrapAdmin() {
        return bootstrapAdmin;
    }

    @Produces
    LoginSettings login() {
        return login;
    }

    @Produces
    KeySettings keys() {
        return keys;
    }

    @Produces
    HttpSettings http() {
        return http;
    }

    @Produces
    MailSettings mail() {
        return mail;
    }

    @Produces
    LifecycleSettings lifecycle() {
        return lifecycle;
    }

    @Produces
    MfaSettings mfa() {
        return mfa;
    }

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
