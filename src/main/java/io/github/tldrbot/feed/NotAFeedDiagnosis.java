package io.github.tldrbot.feed;

import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.xml.sax.SAXParseException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Says in one line why a document is not a feed we can read: empty, an HTML page, JSON, binary
 * data, XML with a foreign root, or XML that is not well-formed (with the line). The messages name
 * the problem in user terms, never a Java class. Stateless.
 */
final class NotAFeedDiagnosis {

    private static final Pattern HTML_START = Pattern.compile(
            "^(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body)\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Throws for input that cannot be XML at all, so no parser time is spent on it. */
    void rejectObviousNonXml(String text) throws FeedParseException {
        String t = stripLeading(text);
        if (t.isEmpty()) {
            throw new FeedParseException("the document is empty, not an RSS or Atom feed");
        }
        if (HTML_START.matcher(t).find()) {
            throw new FeedParseException("not an RSS or Atom feed (looks like an HTML page)");
        }
        char c = t.charAt(0);
        if (c == '{' || c == '[') {
            throw new FeedParseException("not an RSS or Atom feed (looks like JSON)");
        }
        if (c != '<') {
            throw new FeedParseException(isMostlyText(t)
                    ? "not an RSS or Atom feed (looks like plain text, not XML)"
                    : "not an RSS or Atom feed (looks like binary data, not XML)");
        }
    }

    String describeForeignRoot(Element root) {
        String name = root.getName().toLowerCase(Locale.ROOT);
        if (name.equals("html")) {
            return "not an RSS or Atom feed (looks like an HTML page)";
        }
        return "not an RSS or Atom feed (the XML document's root element is <" + root.getQualifiedName() + ">)";
    }

    String describeBadStructure(Element root) {
        if (root.getName().equals("rss") && root.getChild("channel", root.getNamespace()) == null) {
            return "the RSS feed has no <channel> element; it cannot be read";
        }
        return "the " + root.getName() + " document is not a valid RSS or Atom structure; it cannot be read";
    }

    String describeXmlError(String text, JDOMException e) {
        String t = stripLeading(text);
        if (t.regionMatches(true, 0, "<html", 0, 5) || t.toLowerCase(Locale.ROOT).contains("<html")) {
            return "not an RSS or Atom feed (looks like an HTML page)";
        }
        SAXParseException sax = e.getCause() instanceof SAXParseException s ? s : null;
        int line = e instanceof JDOMParseException p ? p.getLineNumber() : sax != null ? sax.getLineNumber() : -1;
        String message = sax != null ? sax.getMessage() : e.getMessage();
        message = FeedTextDecoder.oneLine(message).replaceFirst("^Error on line \\d+(?: of document [^:]*)?: ", "");
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("entity expansion") || lower.contains("entityexpansion") || lower.contains("entity replacement")) {
            return "the feed expands entities beyond the safe limit (an entity bomb?); refusing it";
        }
        if (lower.contains("must start and end within the same entity") || lower.contains("premature end of file")) {
            return "the feed is not well-formed XML (it ends early, probably truncated)" + (line > 0 ? " at line " + line : "");
        }
        return "the feed is not well-formed XML" + (line > 0 ? " at line " + line : "") + ": " + message;
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\ufeff')) {
            i++;
        }
        return text.substring(i);
    }

    private static boolean isMostlyText(String t) {
        int n = Math.min(t.length(), 512);
        int odd = 0;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if ((c < 0x20 && !Character.isWhitespace(c)) || c == '\ufffd') {
                odd++;
            }
        }
        return odd * 20 < n;
    }
}
