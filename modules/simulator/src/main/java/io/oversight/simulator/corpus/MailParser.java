package io.oversight.simulator.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of an RFC 822 / MIME mail that a reviewer would read: Subject, From and the text of the body.
 * Deliberately small (no jakarta.mail): it understands folded headers, nested multiparts, quoted-printable and
 * base64 transfer encodings, RFC 2047 encoded words in headers and declared charsets, and turns HTML into text
 * when a mail has no plain-text part.
 */
public final class MailParser {

    public static final int MAX_BODY_LENGTH = 4_000;

    /** Deeper nesting than this is not found in real mail; the bound keeps a hostile mail from exhausting the stack. */
    private static final int MAX_NESTING = 10;

    private static final Pattern HEADER_LINE = Pattern.compile("^([!-9;-~]+):[ \\t]*(.*)$");
    private static final Pattern MEDIA_TYPE = Pattern.compile("\\s*([\\w!#$&^.+-]+/[\\w!#$&^.+-]+)");
    private static final Pattern PARAMETER =
            Pattern.compile(";\\s*([^=\\s;]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern SPACE_BETWEEN_ENCODED_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern HTML_INVISIBLE_BLOCK =
            Pattern.compile("<(script|style|head)\\b.*?</\\1\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_TAG = Pattern.compile("<[a-zA-Z/!?][^>]*>");
    private static final Pattern HTML_ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern HTML_MARKERS =
            Pattern.compile("<(html|body|table|font|p|br|a\\s)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> NAMED_ENTITIES = Map.of(
            "nbsp", " ", "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
            "copy", "\u00a9", "reg", "\u00ae", "trade", "\u2122", "euro", "\u20ac");

    private MailParser() {
    }

    public record ParsedMail(String subject, String sender, String body) {
    }

    public static ParsedMail parse(String rawMail) {
        Entity mail = Entity.parse(rawMail.replace("\r\n", "\n").replace('\r', '\n'), true);
        String subject = collapseWhitespace(decodeEncodedWords(mail.header("subject")));
        String sender = collapseWhitespace(decodeEncodedWords(mail.header("from")));
        return new ParsedMail(subject, sender, truncate(collapseWhitespace(readableText(mail))));
    }

    static String readableText(Entity mail) {
        List<String> plain = new ArrayList<>();
        List<String> html = new ArrayList<>();
        collectText(mail, plain, html, 0);
        if (!plain.isEmpty()) {
            return String.join(" ", plain);
        }
        List<String> stripped = new ArrayList<>();
        for (String page : html) {
            stripped.add(stripHtml(page));
        }
        return String.join(" ", stripped);
    }

    private static void collectText(Entity entity, List<String> plain, List<String> html, int depth) {
        if (depth > MAX_NESTING) {
            return;
        }
        String mediaType = entity.mediaType();
        if (mediaType.startsWith("multipart/")) {
            String boundary = entity.contentTypeParameter("boundary");
            List<String> parts = boundary == null ? List.of() : splitMultipart(entity.body(), boundary);
            if (parts.isEmpty()) {
                // A broken multipart (no or wrong boundary) still carries readable text; spam is often malformed.
                addByLooks(entity.body(), plain, html);
            }
            for (String part : parts) {
                collectText(Entity.parse(part, false), plain, html, depth + 1);
            }
        } else if (mediaType.equals("message/rfc822")) {
            collectText(Entity.parse(entity.decodedText(), false), plain, html, depth + 1);
        } else if (mediaType.equals("text/plain")) {
            plain.add(entity.decodedText());
        } else if (mediaType.equals("text/html")) {
            html.add(entity.decodedText());
        } else if (mediaType.isEmpty()) {
            addByLooks(entity.decodedText(), plain, html);
        }
    }

    /** Undeclared content defaults to text/plain (RFC 2045), but spam frequently sends bare HTML without saying so. */
    private static void addByLooks(String text, List<String> plain, List<String> html) {
        if (HTML_MARKERS.matcher(text).find()) {
            html.add(text);
        } else {
            plain.add(text);
        }
    }

    static List<String> splitMultipart(String body, String boundary) {
        String delimiter = "--" + boundary;
        String closeDelimiter = delimiter + "--";
        List<String> parts = new ArrayList<>();
        StringBuilder current = null;
        for (String line : body.split("\n", -1)) {
            String trimmed = line.stripTrailing();
            if (trimmed.equals(closeDelimiter)) {
                break;
            }
            if (trimmed.equals(delimiter)) {
                if (current != null) {
                    parts.add(current.toString());
                }
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            parts.add(current.toString());
        }
        return parts;
    }

    static String decodeQuotedPrintable(String encoded, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        int length = encoded.length();
        for (int i = 0; i < length; i++) {
            char c = encoded.charAt(i);
            if (c != '=') {
                writeChar(bytes, c);
                continue;
            }
            int softBreakEnd = softLineBreakEnd(encoded, i + 1);
            if (softBreakEnd >= 0) {
                i = softBreakEnd;
            } else if (i + 2 < length && isHex(encoded.charAt(i + 1)) && isHex(encoded.charAt(i + 2))) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write('=');
            }
        }
        return bytes.toString(charset);
    }

    /** "=" followed only by whitespace up to the line end joins the line with the next one. */
    private static int softLineBreakEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\n') {
            return i;
        }
        return i == text.length() ? i - 1 : -1;
    }

    static String decodeBase64(String encoded, Charset charset) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(encoded.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException badPadding) {
            // Truncated or oddly padded base64 is common in spam; the complete 4-character groups still decode.
            String alphabetOnly = encoded.replaceAll("[^A-Za-z0-9+/]", "");
            bytes = Base64.getDecoder().decode(alphabetOnly.substring(0, alphabetOnly.length() - alphabetOnly.length() % 4));
        }
        return new String(bytes, charset);
    }

    static String stripHtml(String html) {
        String text = HTML_COMMENT.matcher(html).replaceAll(" ");
        text = HTML_INVISIBLE_BLOCK.matcher(text).replaceAll(" ");
        text = HTML_TAG.matcher(text).replaceAll(" ");
        return decodeHtmlEntities(text);
    }

    private static String decodeHtmlEntities(String text) {
        Matcher matcher = HTML_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(decodeEntity(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }

    private static String decodeEntity(String name, String original) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : " ";
        }
        return NAMED_ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), original);
    }

    static String decodeEncodedWords(String headerValue) {
        String joined = SPACE_BETWEEN_ENCODED_WORDS.matcher(headerValue).replaceAll("$1$2");
        Matcher matcher = ENCODED_WORD.matcher(joined);
        StringBuilder decoded = new StringBuilder(joined.length());
        while (matcher.find()) {
            Charset charset = charsetOrLatin1(matcher.group(1));
            String text = matcher.group(3);
            String word = matcher.group(2).equalsIgnoreCase("B")
                    ? decodeBase64(text, charset)
                    : decodeQuotedPrintable(text.replace('_', ' '), charset);
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(word));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }

    /** Unknown, misspelt or missing charsets are read as Latin-1, which never fails and keeps ASCII words intact. */
    static Charset charsetOrLatin1(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.ISO_8859_1;
        }
        String withoutLanguage = name.split("\\*", 2)[0].trim();
        try {
            return Charset.forName(withoutLanguage);
        } catch (IllegalArgumentException unsupported) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    static String collapseWhitespace(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    static String truncate(String text) {
        if (text.length() <= MAX_BODY_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_BODY_LENGTH - 1)) ? MAX_BODY_LENGTH - 1 : MAX_BODY_LENGTH;
        return text.substring(0, end);
    }

    private static void writeChar(ByteArrayOutputStream bytes, char c) {
        if (c < 256) {
            bytes.write(c);
        } else {
            // The corpus' JSON already turned some 8-bit mail into Unicode; keep such characters as UTF-8.
            bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** A mail or a MIME part: its unfolded headers (names lower-cased, first occurrence wins) and raw body. */
    record Entity(Map<String, String> headers, String body) {

        static Entity parse(String text, boolean mayStartWithMboxLine) {
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = text.split("\n", -1);
            String lastName = null;
            int bodyStart = lines.length;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty()) {
                    bodyStart = i + 1;
                    break;
                }
                if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    if (lastName != null) {
                        headers.computeIfPresent(lastName, (name, value) -> value + " " + line.strip());
                    }
                    continue;
                }
                Matcher header = HEADER_LINE.matcher(line);
                if (header.matches()) {
                    String name = header.group(1).toLowerCase(Locale.ROOT);
                    if (!headers.containsKey(name)) {
                        headers.put(name, header.group(2).strip());
                        lastName = name;
                    } else {
                        lastName = null;
                    }
                } else if (i == 0 && mayStartWithMboxLine && line.startsWith("From ")) {
                    lastName = null;
                } else {
                    // No blank line before the body: a malformed header block ends at the first non-header line.
                    bodyStart = i;
                    break;
                }
            }
            StringBuilder body = new StringBuilder();
            for (int i = bodyStart; i < lines.length; i++) {
                body.append(lines[i]);
                if (i < lines.length - 1) {
                    body.append('\n');
                }
            }
            return new Entity(headers, body.toString());
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        /** Lower-cased type/subtype of Content-Type, or "" when the header is absent. */
        String mediaType() {
            Matcher mediaType = MEDIA_TYPE.matcher(header("content-type"));
            return mediaType.lookingAt() ? mediaType.group(1).toLowerCase(Locale.ROOT) : "";
        }

        String contentTypeParameter(String name) {
            Matcher parameter = PARAMETER.matcher(header("content-type"));
            while (parameter.find()) {
                if (parameter.group(1).equalsIgnoreCase(name)) {
                    return parameter.group(2) != null ? parameter.group(2) : parameter.group(3);
                }
            }
            return null;
        }

        String decodedText() {
            Charset charset = charsetOrLatin1(contentTypeParameter("charset"));
            String encoding = header("content-transfer-encoding").strip().toLowerCase(Locale.ROOT);
            return switch (encoding) {
                case "quoted-printable" -> decodeQuotedPrintable(body, charset);
                case "base64" -> decodeBase64(body, charset);
                default -> body;
            };
        }
    }
}
