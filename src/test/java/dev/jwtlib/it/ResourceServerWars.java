package dev.jwtlib.it;

import dev.jwtlib.it.mpjwt.MpJwtApplication;
import dev.jwtlib.it.rs.ReportsApplication;
import dev.jwtlib.it.rs.ReportsResource;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A second application as a user would build it from the README ("Protect your own
 * application"): its own resources, the jar this build attached ({@code resource-server}
 * classifier) and SmallRye JWT with what it needs, a web.xml with a security constraint, and
 * configuration in {@code microprofile-config.properties}. No code of jwtlib's beyond the jar.
 */
public final class ResourceServerWars {

    /** SmallRye JWT (verifier), Caffeine (caches) and their runtime dependencies, taken from the service WAR the build made. */
    private static final List<String> VERIFIER_JARS = List.of(
            "smallrye-jwt-4", "smallrye-jwt-common-", "jose4j-", "microprofile-jwt-auth-api-", "jboss-logging-", "slf4j-api-",
            "caffeine-");

    private static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <context-param>
                    <param-name>resteasy.role.based.security</param-name>
                    <param-value>true</param-value>
                </context-param>
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>reports</web-resource-name>
                        <url-pattern>/api/reports/*</url-pattern>
                    </web-resource-collection>
                    <auth-constraint>
                        <role-name>**</role-name>
                    </auth-constraint>
                </security-constraint>
                <security-role><role-name>user</role-name></security-role>
                <security-role><role-name>admin</role-name></security-role>
            </web-app>
            """;

    private static final String JBOSS_DEPLOYMENT_STRUCTURE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.3">
                <deployment>
                    <exclude-subsystems>
                        <subsystem name="microprofile-jwt-smallrye"/>
                    </exclude-subsystems>
                </deployment>
            </jboss-deployment-structure>
            """;

    private ResourceServerWars() {
    }

    public static WebArchive war(String name, Map<String, String> config) {
        File library = new File(System.getProperty("jwtlib.it.resource-server-jar", "target/jwtlib-resource-server.jar"));
        File serviceLibs = new File(System.getProperty("jwtlib.it.service-libs", "target/jwtlib/WEB-INF/lib"));
        File[] verifier = serviceLibs.listFiles((dir, file) -> VERIFIER_JARS.stream().anyMatch(file::startsWith));
        if (!library.isFile() || verifier == null || verifier.length != VERIFIER_JARS.size()) {
            throw new IllegalStateException("run the build's package phase first: " + library + ", "
                    + (verifier == null ? "no " + serviceLibs : Arrays.toString(verifier)));
        }
        String properties = config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        return protectedReports(name)
                .addAsLibrary(library)
                .addAsLibraries(verifier)
                .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(JBOSS_DEPLOYMENT_STRUCTURE), "jboss-deployment-structure.xml");
    }

    /** The reports resources and their web.xml (security constraint), without any mechanism. */
    public static WebArchive protectedReports(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(ReportsApplication.class, ReportsResource.class)
                .setWebXML(new StringAsset(WEB_XML));
    }

    /**
     * The same resources protected by the server's own MP-JWT instead: no jwtlib code, only the
     * auth service's JWKS URL, issuer and algorithm in {@code microprofile-config.properties}.
     */
    public static WebArchive mpJwtWar(String name, String authServiceUrl) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(MpJwtApplication.class, ReportsResource.class)
                .addAsResource(new StringAsset("mp.jwt.verify.publickey.location=" + authServiceUrl + "/.well-known/jwks.json\n"
                        + "mp.jwt.verify.issuer=" + authServiceUrl + "\n"
                        + "mp.jwt.verify.publickey.algorithm=ES256\n"), "META-INF/microprofile-config.properties");
    }
}
