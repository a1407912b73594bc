package dev.jwtlib;

import dev.jwtlib.account.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: every resource of the auth service, at the context root. */
@ApplicationPath("/")
@DeclareRoles({Roles.USER, Roles.ADMIN, Roles.SERVICE})
public class JwtlibApplication extends Application {
}
