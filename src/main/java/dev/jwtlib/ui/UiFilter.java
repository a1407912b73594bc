package dev.jwtlib.ui;

import dev.jwtlib.config.ConfigValues;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.Config;

/**
 * The pages ({@code /account/}, {@code /admin/} and their {@code /ui/} assets): {@code 404} when
 * {@code jwtlib.ui.enabled=false}; otherwise served with a strict Content-Security-Policy (scripts,
 * styles and fetches from this origin only, no inline code, images also as {@code data:} for the
 * QR code), no framing, no referrer, and no caching of the pages themselves.
 */
@WebFilter(urlPatterns = {"/account/*", "/admin/*", "/ui/*"})
public class UiFilter extends HttpFilter {

    public static final String ENABLED = "jwtlib.ui.enabled";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Inject
    Config config;

    private boolean enabled;

    @Override
    public void init() {
        enabled = ConfigValues.bool(config, ENABLED, true);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!enabled) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
