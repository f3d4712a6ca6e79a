package io.github.tldrbot.card;

/**
 * The "Read more" pointers of feeds, in the languages the bot meets: a line of its own made of one
 * is furniture ({@link FurnitureLines}), and so is one that ends the text ({@link TrailingFurniture}).
 */
final class ReadMorePhrases {

    /** Phrases that point to the rest of the article instead of saying something. */
    static final String MORE = "(?:read more|read the (?:full|rest of the) (?:story|article|post)|read full (?:story|article|post)"
            + "|continue reading|keep reading|more\\s*[»›>→]|weiterlesen|mehr lesen|lire la suite|en savoir plus|leer más"
            + "|seguir leyendo|leia mais|continuar lendo|continua a leggere|leggi tutto|lees verder|читать далее"
            + "|читать полностью|подробнее|続きを読む|阅读全文|lue lisää|läs mer|læs mere|les mer|czytaj więcej|číst dál"
            + "|devamını oku)";
    /** First letters of the {@link #MORE} phrases, in lower case: lets most lines skip the pattern. */
    static final String MORE_INITIALS = "rckmwlesdqčчп続阅";

    private ReadMorePhrases() {
    }
}
