package io.orderflow.gateway.requestsize;

import io.orderflow.problem.ProblemTypes;
import io.orderflow.gateway.GatewayProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code orderflow.gateway.max-request-body} with {@code 413}. A
 * declared Content-Length is refused before anything is read; a chunked body is counted while the
 * JSON reader consumes it, and {@link PayloadTooLargeException} ends the read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limitBytes;

    public RequestBodyLimitFilter(GatewayProperties properties) {
        this.limitBytes = properties.maxRequestBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limitBytes) {
            writeTooLarge(request, response);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limitBytes), response);
    }

    private void writeTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // Hand-written because this answer is given before Spring MVC (and its JSON writer) is involved.
        response.getWriter().write("{\"type\":\"" + ProblemTypes.PAYLOAD_TOO_LARGE
                + "\",\"title\":\"Payload too large\",\"status\":413,\"detail\":\"The request body exceeds "
                + limitBytes + " bytes\",\"instance\":\"" + jsonSafe(request.getRequestURI()) + "\"}");
    }

    private static String jsonSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9/_.~-]", "");
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limitBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limitBytes) {
            super(request);
            this.limitBytes = limitBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limitBytes);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limitBytes;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long limitBytes) {
            this.delegate = delegate;
            this.limitBytes = limitBytes;
        }

        @Override
        public int read() throws IOException {
            int next = delegate.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > limitBytes) {
                throw new PayloadTooLargeException(limitBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
