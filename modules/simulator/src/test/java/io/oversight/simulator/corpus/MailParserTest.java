package io.oversight.simulator.corpus;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailParserTest {

    @Test
    void readsSubjectAndSenderAfterTheMboxLineAndUnfoldsContinuationLines() {
        String mail = """
                From someone@example.com  Thu Aug 22 13:17:22 2002
                Received: from localhost (localhost [127.0.0.1])
                \tby example.com with ESMTP
                From: Alice Example <alice@example.com>
                Subject: Meeting notes
                \tfor the Thursday
                  call
                To: bob@example.com

                Hello Bob,
                see you then.
                """;

        MailParser.ParsedMail parsed = MailParser.parse(mail);

        assertEquals("Meeting notes for the Thursday call", parsed.subject());
        assertEquals("Alice Example <alice@example.com>", parsed.sender());
        assertEquals("Hello Bob, see you then.", parsed.body());
    }

    @Test
    void headersEndAtTheFirstBlankLineSoHeaderLikeBodyLinesStayInTheBody() {
        String mail = "Subject: first\r\n\r\nSubject: not a header\r\nFrom: nor this\r\n";

        MailParser.ParsedMail parsed = MailParser.parse(mail);

        assertEquals("first", parsed.subject());
        assertEquals("", parsed.sender());
        assertEquals("Subject: not a header From: nor this", parsed.body());
    }

    @Test
    void missingHeadersAreEmpty() {
        MailParser.ParsedMail parsed = MailParser.parse("X-Other: 1\n\nbody only");

        assertEquals("", parsed.subject());
        assertEquals("", parsed.sender());
        assertEquals("body only", parsed.body());
    }

    @Test
    void decodesEncodedWordsInHeadersJoiningAdjacentOnes() {
        String mail = "Subject: =?iso-8859-1?Q?Caf=E9_au_lait?= =?utf-8?B?IGdyYXRpcyE=?=\n"
                + "From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.com>\n\nx";

        MailParser.ParsedMail parsed = MailParser.parse(mail);

        assertEquals("Café au lait gratis!", parsed.subject());
        assertEquals("Jürgen <j@example.com>", parsed.sender());
    }

    @Test
    void takesThePlainTextPartsOfAMultipartAlternativeAndIgnoresTheHtmlOne() {
        String mail = """
                Subject: offer
                Content-Type: multipart/alternative;
                \tboundary="----=_NextPart_000_0001"

                This is a multi-part message in MIME format.

                ------=_NextPart_000_0001
                Content-Type: text/plain; charset="us-ascii"

                Plain words here.
                ------=_NextPart_000_0001
                Content-Type: text/html; charset="us-ascii"

                <html><body><b>Html words</b></body></html>
                ------=_NextPart_000_0001--
                epilogue to ignore
                """;

        assertEquals("Plain words here.", MailParser.parse(mail).body());
    }

    @Test
    void fallsBackToStrippedHtmlWhenNoPartIsPlainText() {
        String mail = """
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/html

                <html><head><title>hidden title</title><style>p {color: red}</style></head>
                <body><p>Buy&nbsp;now &amp; save</p><!-- tracking --><script>track()</script>
                <a href="http://x.example">click&#33;</a> &euro;5</body></html>
                --inner--
                --outer
                Content-Type: application/octet-stream
                Content-Transfer-Encoding: base64

                AAECAw==
                --outer--
                """;

        assertEquals("Buy now & save click! €5", MailParser.parse(mail).body());
    }

    @Test
    void decodesABase64TextPartInItsDeclaredCharset() {
        String text = "Grüße aus München, this body was base64 encoded.";
        String encoded = Base64.getMimeEncoder(20, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(text.getBytes(StandardCharsets.UTF_8));
        String mail = "Subject: b64\n"
                + "Content-Type: text/plain; charset=utf-8\n"
                + "Content-Transfer-Encoding: base64\n\n"
                + encoded + "\n";

        assertEquals(text, MailParser.parse(mail).body());
    }

    @Test
    void decodesAQuotedPrintableTextPartWithSoftLineBreaks() {
        String mail = """
                Subject: qp
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: Quoted-Printable

                Caf=E9 prices: 100=25 off, a very long li=
                ne joined; equals sign =3D kept.
                """;

        assertEquals("Café prices: 100% off, a very long line joined; equals sign = kept.", MailParser.parse(mail).body());
    }

    @Test
    void undeclaredHtmlBodyIsStrippedButUndeclaredPlainTextKeepsAngleBrackets() {
        assertEquals("Hello there", MailParser.parse("Subject: s\n\n<html><body>Hello <b>there</b></body></html>").body());
        assertEquals("if a < b > c then", MailParser.parse("Subject: s\n\nif a < b > c then").body());
    }

    @Test
    void multipartWithAWrongBoundaryStillYieldsItsText() {
        String mail = "Content-Type: multipart/alternative; boundary=nothere\n\nsome text without parts";

        assertEquals("some text without parts", MailParser.parse(mail).body());
    }

    @Test
    void collapsesWhitespaceAndTruncatesTheBody() {
        String longBody = "word\t\n  ".repeat(2_000);

        String body = MailParser.parse("Subject: long\n\n" + longBody).body();

        assertEquals(MailParser.MAX_BODY_LENGTH, body.length());
        assertTrue(body.startsWith("word word word"));
        assertFalse(body.contains("  "));
    }

    @Test
    void quotedPrintableDecoderLeavesMalformedEscapesAlone() {
        assertEquals("a=zz b=4", MailParser.decodeQuotedPrintable("a=zz b=4", StandardCharsets.ISO_8859_1));
    }

    @Test
    void base64DecoderSurvivesTruncatedInput() {
        String truncated = Base64.getEncoder().encodeToString("complete groups".getBytes(StandardCharsets.US_ASCII))
                .substring(0, 17);

        assertEquals("complete gro", MailParser.decodeBase64(truncated, StandardCharsets.US_ASCII));
    }
}
