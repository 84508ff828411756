package com.westbethel.motel.adapters.web.edge;

import com.westbethel.motel.adapters.web.security.PageRequests;
import com.westbethel.motel.adapters.web.security.ProblemResponses;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report for what it refuses before the application sees it (a {@code %00} or an encoded slash in the
 * path, a request line or header too long, a control character in a header): problem+json instead of Tomcat's HTML page,
 * which names the server and its version. Tomcat creates it by class name, hence public with a no-argument constructor.
 *
 * <p>The guards are Tomcat's own: report only an error status, only when nothing was written yet and nobody else reported
 * it, and only while the connection can still be written to. A browser asking for a page of the website
 * ({@link PageRequests}) gets the site's error page instead, as plain HTML (the template engine is beyond reach here).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = EdgeErrors.status(code);
        String path = request.getCoyoteRequest() == null ? null : request.getCoyoteRequest().requestURI().toString();
        boolean page = PageRequests.wantsPage(path, request.getContextPath(), request.getHeader(HttpHeaders.ACCEPT));
        try {
            response.setContentType(page ? MediaType.TEXT_HTML_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page ? ErrorPage.of(status, false, null).standalone(request.getContextPath())
                        : ProblemResponses.body(status, EdgeErrors.detail(status), path, List.of()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client went away or the response cannot take a body any more: nothing left to tell anyone.
        }
    }
}
