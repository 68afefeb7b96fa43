package io.oversight.governance.application;

import io.oversight.governance.ContentFormat;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns guideline instructions into HTML that is safe to show: Markdown is rendered by commonmark,
 * then Markdown output and HTML source alike pass the OWASP allow-list sanitizer, so no script,
 * event handler, style or {@code javascript:} URL survives (ADR 0010). Stateless and thread-safe.
 */
public final class GuidelineRenderer {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "dl", "dt", "dd")
                    .toFactory());

    private GuidelineRenderer() {
    }

    public static String render(ContentFormat format, String source) {
        String html = format == ContentFormat.MARKDOWN ? HTML.render(MARKDOWN.parse(source)) : source;
        return POLICY.sanitize(html);
    }
}
