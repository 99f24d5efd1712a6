package org.creditledger.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.creditledger.platform.i18n.I18nConfiguration;
import org.creditledger.platform.i18n.Text;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat refuses some requests before any filter or servlet sees them: an encoded {@code /} or {@code \} or a
 * {@code %00} in the path, headers over the size limit, a malformed request line. Its own error page is HTML; this
 * valve answers those, like everything else, with {@code application/problem+json}, and never with the request's
 * text or a server version. Errors the application already answered keep their body.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /**
     * Tomcat creates this valve outside Spring: it reads platform's own bundle, and the language from
     * {@code Accept-Language} as the application does ({@link I18nConfiguration#localeResolver()}).
     */
    private static final MessageSource TEXTS = I18nConfiguration.bundle("i18n/problems");
    private static final LocaleResolver LOCALES = I18nConfiguration.acceptHeaderLocales();

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
        Text detail = Text.of(status < 500 ? "problem.server-cannot-read" : "problem.server-error");
        Locale locale = LOCALES.resolveLocale(request);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + json(type.title(), locale) + "\",\"status\":" + status
                        + ",\"detail\":\"" + json(detail, locale) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to say
        }
    }

    /** Our own texts, escaped for a JSON string (they hold no control characters). */
    private static String json(Text text, Locale locale) {
        return TEXTS.getMessage(text, locale).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
