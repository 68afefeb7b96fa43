package io.oversight.governance.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oversight.governance.ContentFormat;
import io.oversight.governance.GuidelineStatus;
import io.oversight.governance.GuidelineVersion;
import io.oversight.ledger.format.Digest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuidelineRendererTest {

    @Test
    void markdownIsRenderedAndScriptsNeverSurvive() {
        String html = GuidelineRenderer.render(ContentFormat.MARKDOWN,
                "# Title\n\n**bold** <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))");
        assertTrue(html.contains("<h1>Title</h1>"), html);
        assertTrue(html.contains("<strong>bold</strong>"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("javascript:"), html);
    }

    @Test
    void htmlIsSanitized() {
        String html = GuidelineRenderer.render(ContentFormat.HTML,
                "<p onclick=\"steal()\">Hi <b>there</b></p><script>alert(1)</script><a href=\"https://example.org\">ok</a>");
        assertEquals("<p>Hi <b>there</b></p><a href=\"https://example.org\" rel=\"nofollow\">ok</a>", html);
    }

    @Test
    void diffShowsChangedLines() {
        GuidelineVersion a = version("line one\nline two");
        GuidelineVersion b = version("line one\nline 2");
        List<String> diff = GuidelineDiff.unified(a, b);
        assertTrue(diff.contains("-line two"), diff.toString());
        assertTrue(diff.contains("+line 2"), diff.toString());
    }

    private static GuidelineVersion version(String text) {
        return new GuidelineVersion("id-" + text.hashCode(), "w", 1, 1, GuidelineStatus.DRAFT, ContentFormat.MARKDOWN, text,
                List.of(), Digest.zero(), Instant.EPOCH, Instant.EPOCH);
    }
}
