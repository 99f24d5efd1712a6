package org.creditledger.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat refuses some requests before any filter or servlet sees them: an encoded {@code /} or {@code \} or a
 * {@code %00} in the path, headers over the size limit, a malformed request line. Its own error page is HTML; this
 * valve answers those, like everything else, with {@code application/problem+json}, and never with the request's
 * text or a server version. Errors the application already answered keep their body.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType type = status == 400 ? ProblemType.REJECTED_REQUEST : status == 413 ? ProblemType.PAYLOAD_TOO_LARGE
                : status < 500 ? ProblemType.MALFORMED : ProblemType.INTERNAL;
        String detail = status < 500 ? "The server cannot read this request." : "Something went wrong on our side.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to say
        }
    }
}
