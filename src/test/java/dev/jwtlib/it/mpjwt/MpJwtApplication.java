package dev.jwtlib.it.mpjwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** An application that trusts jwtlib's tokens through the server's own MP-JWT, no jwtlib code. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
public class MpJwtApplication extends Application {
}
