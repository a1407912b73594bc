package dev.jwtlib.it.spring;

import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/** Which request needs what; how the token is checked is the profile's ("jwt" or "opaque"). */
@Configuration
public class Security {

    private static HttpSecurity rules(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/public").permitAll()
                        .requestMatchers("/api/reports/all").hasRole("admin")
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }

    /** Tokens verified here with the JWKS the issuer's metadata names; roles from the properties. */
    @Bean
    @Profile("jwt")
    SecurityFilterChain jwt(HttpSecurity http) throws Exception {
        return rules(http).oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())).build();
    }

    /** Tokens checked by jwtlib's introspection endpoint; its "groups" member gives the roles. */
    @Bean
    @Profile("opaque")
    SecurityFilterChain opaque(HttpSecurity http) throws Exception {
        return rules(http).oauth2ResourceServer(server -> server.opaqueToken(opaque -> opaque
                .authenticationConverter(groupsAsRoles()))).build();
    }

    static OpaqueTokenAuthenticationConverter groupsAsRoles() {
        return (token, principal) -> {
            List<String> groups = principal.getAttribute("groups");
            Collection<GrantedAuthority> roles = groups == null ? List.of()
                    : groups.stream().<GrantedAuthority>map(g -> new SimpleGrantedAuthority("ROLE_" + g)).toList();
            String name = principal.getAttribute("username") != null ? principal.getAttribute("username")
                    : principal.getName();
            var withRoles = new DefaultOAuth2AuthenticatedPrincipal(name, principal.getAttributes(), roles);
            var access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token,
                    principal.getAttribute("iat"), principal.getAttribute("exp"));
            return new BearerTokenAuthentication(withRoles, access, roles);
        };
    }
}
