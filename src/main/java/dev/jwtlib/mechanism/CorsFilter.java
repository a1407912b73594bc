package dev.jwtlib.mechanism;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@link Cors} for the requests the authentication mechanism lets through: the CORS headers on
 * every answer, and preflights answered here ({@code 204}) without reaching a resource. (A
 * request the mechanism refuses gets the headers from the mechanism.)
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CorsFilter extends HttpFilter {

    @Inject
    JwtlibAuthenticationMechanism mechanism;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Cors cors = mechanism.cors();
        if (cors.enabled() && Cors.isPreflight(request)) {
            cors.answerPreflight(request, response);
            return;
        }
        cors.apply(request, response);
        chain.doFilter(request, response);
    }
}
