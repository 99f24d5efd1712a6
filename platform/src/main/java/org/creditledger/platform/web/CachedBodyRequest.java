package org.creditledger.platform.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A request whose (small, non-multipart) body has been read once into memory, so it can be hashed and re-read. */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    private CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads the body, or returns null when it is longer than {@code maxBytes}. A body of a declared length within the
     * limit is read into an array of that length at once (a counter check's 150 bytes cost no 8 KB buffer and no
     * copy); one without a length (chunked) is read piece by piece and counted.
     */
    static CachedBodyRequest read(HttpServletRequest request, long maxBytes) throws IOException {
        if (request instanceof CachedBodyRequest cached) {
            return cached;
        }
        long length = request.getContentLengthLong();
        if (length >= 0 && length <= Math.min(maxBytes, Integer.MAX_VALUE - 8)) { // the largest array Java allows
            try (InputStream in = request.getInputStream()) {
                return new CachedBodyRequest(request, in.readNBytes((int) length)); // Tomcat ends the stream there
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    return null;
                }
            }
        }
        return new CachedBodyRequest(request, out.toByteArray());
    }

    public byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("synchronous reads only");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
