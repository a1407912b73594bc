package dev.jwtlib.http;

import dev.jwtlib.error.PayloadTooLarge;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses request bodies over {@value #LIMIT} bytes ({@code 413}): by Content-Length, or while reading a chunked body. */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    public static final int LIMIT = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > LIMIT) {
            throw new PayloadTooLarge(LIMIT);
        }
        // A declared length is enforced above and honoured by the container; only a body of
        // unknown length (chunked) needs counting while it is read.
        if (request.getLength() < 0 && request.hasEntity()) {
            request.setEntityStream(new LimitedStream(request.getEntityStream()));
        }
    }

    private static final class LimitedStream extends FilterInputStream {
        private long count;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > LIMIT) {
                throw new PayloadTooLarge(LIMIT);
            }
        }
    }
}
