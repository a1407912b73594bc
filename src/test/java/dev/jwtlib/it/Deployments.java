package dev.jwtlib.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build made, unchanged, for Arquillian to deploy. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive builtWar() {
        File war = new File(System.getProperty("jwtlib.it.war", "target/jwtlib.war"));
        return ShrinkWrap.create(ZipImporter.class, "jwtlib.war").importFrom(war).as(WebArchive.class);
    }
}
