package io.oversight.app.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Failures on demand for the error-page tests, deployed with the test archive only: a page whose
 * bean throws while rendering ({@code it-probe/failing.xhtml}) and a servlet that throws outside Faces.
 */
public final class FailingProbes {

    static final String PAGE = "it-probe/failing.xhtml";
    static final String SERVLET = "it-probe/failing-servlet";
    static final String PAGE_SOURCE = """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:h="jakarta.faces.html">
            <h:head><title>probe</title></h:head>
            <h:body><p>#{failingPageBean.value}</p></h:body>
            </html>
            """;

    private FailingProbes() {
    }

    /** Throws while the page renders, as an unforeseen bug would. */
    @Named("failingPageBean")
    @RequestScoped
    public static class FailingPageBean {
        public String getValue() {
            throw new IllegalStateException("probe failure with secret internals: io.oversight.Secret.method");
        }
    }

    /** Throws outside Faces, where only the container's error pages stand between it and a person. */
    @WebServlet("/" + SERVLET)
    public static class FailingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            throw new IllegalStateException("probe failure with secret internals: io.oversight.Secret.method");
        }
    }
}
