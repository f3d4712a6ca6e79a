package io.github.tldrbot.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Rome's own hardened XML reading, split in two steps so the parser keeps the JDOM document:
 * {@link #read} builds it with the {@code SAXBuilder} Rome configures (external entities and
 * external DTDs off, doctypes refused unless this reader was made for the RSS 0.91 retry), and
 * {@link #toWireFeed} hands it to Rome's feed parsers. This is what
 * {@code SyndFeedInput.build(Reader)} does internally; keeping the document lets us read raw
 * date text and media elements that Rome's model drops. Immutable after construction, so one
 * instance serves any number of threads.
 */
final class FeedDocumentReader extends WireFeedInput {

    FeedDocumentReader(boolean allowDoctypes) {
        super();
        super.setAllowDoctypes(allowDoctypes);
    }

    /** Not supported: the doctype policy is fixed at construction to keep the instance thread-safe. */
    @Override
    public void setAllowDoctypes(boolean allowDoctypes) {
        throw new UnsupportedOperationException("the doctype policy is fixed at construction");
    }

    /**
     * Parses the text into a JDOM document through Rome's healing reader (which drops junk before
     * the XML declaration and maps HTML entity names to numeric references) when {@code heal} is set.
     */
    Document read(String xml, boolean heal) throws JDOMException, IOException {
        SAXBuilder builder = createSAXBuilder();
        Reader reader = new StringReader(xml);
        return builder.build(heal ? new XmlFixerReader(reader) : reader);
    }

    /** Rome's feed model for a parsed document; IllegalArgumentException when no Rome parser claims it. */
    WireFeed toWireFeed(Document document) throws FeedException {
        return build(document);
    }
}
