package dev.jwtlib.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code jwtlib.ui.enabled} and the pages' security headers, through the filter itself. */
class UiFilterTest {

    private final Map<String, String> headers = new HashMap<>();
    private final AtomicInteger error = new AtomicInteger();
    private final AtomicBoolean passedOn = new AtomicBoolean();

    private UiFilter filter(Map<String, String> values) {
        UiFilter filter = new UiFilter();
        filter.config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
        filter.init();
        return filter;
    }

    private void call(UiFilter filter) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> null);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "sendError" -> error.set((Integer) args[0]);
                        default -> { }
                    }
                    return null;
                });
        FilterChain chain = (req, res) -> passedOn.set(true);
        filter.doFilter(request, response, chain);
    }

    @Test
    void doFilterWhenEnabledByDefaultThenStrictHeadersAndThePage() throws Exception {
        call(filter(Map.of()));
        assertTrue(passedOn.get());
        assertEquals(UiFilter.CSP, headers.get("Content-Security-Policy"));
        assertTrue(headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertFalse(headers.get("Content-Security-Policy").contains("unsafe-inline"));
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"));
    }

    @Test
    void doFilterWhenSwitchedOffThenNotFoundAndNothingServed() throws Exception {
        call(filter(Map.of(UiFilter.ENABLED, "FALSE")));
        assertEquals(404, error.get());
        assertFalse(passedOn.get());
    }

    @Test
    void initWhenNotABooleanThenTheKeyIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> filter(Map.of(UiFilter.ENABLED, "no")));
        assertTrue(e.getMessage().contains(UiFilter.ENABLED), e.getMessage());
    }
}
