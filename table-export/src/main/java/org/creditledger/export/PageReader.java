package org.creditledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.creditledger.platform.web.Page;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every page of a paged list by asking the same endpoint again, in-process (a servlet include), for pages of
 * {@value Page#MAX_SIZE} as JSON: the handler's filters, authorisation, masking and catch-up apply to every page
 * exactly as to the first, and no handler needs code of its own to be exported whole. The pages are read one after
 * the other, so items written between two reads may move across a page boundary; an export is as consistent as
 * reading the pages one by one.
 */
final class PageReader {

    private final HttpServletRequest request;
    private final ObjectMapper json;

    PageReader(HttpServletRequest request, ObjectMapper json) {
        this.request = request;
        this.json = json;
    }

    void forEachItem(Consumer<JsonNode> items) {
        long total = Long.MAX_VALUE;
        for (int page = 0; (long) page * Page.MAX_SIZE < total; page++) {
            JsonNode answer = read(page);
            total = answer.path("totalItems").asLong();
            JsonNode pageItems = answer.path("items");
            pageItems.forEach(items);
            if (pageItems.isEmpty()) {
                return;
            }
        }
    }

    private JsonNode read(int page) {
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        RequestDispatcher dispatcher = request.getRequestDispatcher(path);
        Captured captured = new Captured(response);
        try {
            dispatcher.include(new PageRequest(request, page), captured);
            JsonNode answer = json.readTree(captured.body.toByteArray());
            if (captured.status >= 300 || !answer.path("items").isArray()) {
                throw new ExportInterrupted(answer.path("type").asText(null), answer.path("detail").asText(null));
            }
            return answer;
        } catch (ServletException e) {
            throw new IllegalStateException("Reading page " + page + " of the export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading page " + page + " of the export failed", e);
        }
    }

    /** The original request asking for one page as JSON. */
    private static final class PageRequest extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        PageRequest(HttpServletRequest request, int page) {
            super(request);
            parameters = new LinkedHashMap<>(request.getParameterMap());
            parameters.put("page", new String[]{Integer.toString(page)});
            parameters.put("size", new String[]{Integer.toString(Page.MAX_SIZE)});
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(MediaType.APPLICATION_JSON_VALUE))
                    : super.getHeaders(name);
        }
    }

    /** Keeps the page's answer to itself: nothing of it reaches the client's response. */
    private static final class Captured extends HttpServletResponseWrapper {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = 200;
        private PrintWriter writer;

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }
            };
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), true);
            }
            return writer;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void sendError(int sc) {
            status = sc;
        }

        @Override
        public void sendError(int sc, String msg) {
            status = sc;
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void addHeader(String name, String value) {
        }

        @Override
        public void setIntHeader(String name, int value) {
        }

        @Override
        public void addIntHeader(String name, int value) {
        }

        @Override
        public void setDateHeader(String name, long date) {
        }

        @Override
        public void addDateHeader(String name, long date) {
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void setBufferSize(int size) {
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void reset() {
            body.reset();
            status = 200;
        }

        @Override
        public boolean isCommitted() {
            return false;
        }
    }
}
