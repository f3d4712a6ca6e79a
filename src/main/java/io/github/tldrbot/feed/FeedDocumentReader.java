package io.github.tldrbot.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import org.jdom2.Document;
import org.jdom2.IllegalAddException;
import org.jdom2.IllegalDataException;
import org.jdom2.IllegalNameException;
import org.jdom2.JDOMException;

import java.io.IOException;
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
     * Parses the text into a JDOM document. Rome's own healing reader (XmlFixerReader) is not used:
     * it reads char by char and costs more than the parse, and {@link XmlRepair} does the same
     * repairs, only for the documents that need them.
     */
    Document read(String xml) throws JDOMException, IOException {
        SAXBuilder builder = createSAXBuilder();
        try {
            return builder.build(new StringReader(xml));
        } catch (IllegalNameException | IllegalDataException | IllegalAddException e) {
            // XML the SAX parser accepts but JDOM's stricter model refuses (a namespace URI with a
            // leading space, as some podcasts declare): a parse failure like any other, so the
            // caller's repair attempt and error message apply instead of an unchecked crash
            throw new JDOMException(FeedTextDecoder.oneLine(e.getMessage()).replace("JDOM/XML", "XML"), e);
        }
    }

    /** Rome's feed model for a parsed document; IllegalArgumentException when no Rome parser claims it. */
    WireFeed toWireFeed(Document document) throws FeedException {
        return build(document);
    }
}
