package dev.jwtlib.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the black-box contract suite: Arquillian deploys the WAR the build made into the
 * container named by {@code arquillian.xml} (the only container-specific file), and each test
 * talks to it over HTTP through {@link Api}. Subclasses hold no state between tests.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedService {

    static {
        // the servers send their mails to it from the first test on
        TestSmtp.start();
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    protected final Api api = Api.fromSystemProperties();
}
