package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    @Test
    void redditFooterIsStrippedButProseWithTheSameWordsStays() {
        assertThat(cleaner.clean("We built a clock from an old radio. It keeps time within a second.\n\n"
                + "submitted by /u/tinkerer to /r/DIY\n[link] [312 comments]"))
                .isEqualTo("We built a clock from an old radio. It keeps time within a second.");
        assertThat(cleaner.clean("submitted by somebody to pics [link] [12 comments]")).isEmpty();
        assertThat(cleaner.clean("The plan submitted by Norway to the council was approved on Monday."))
                .isEqualTo("The plan submitted by Norway to the council was approved on Monday.");
    }

    @Test
    void markdownBoldMarkersTypedIntoAPostAreDropped() {
        assertThat(cleaner.clean("** We'll start taking questions at 6PM EST. **Edit:** thanks all!"))
                .isEqualTo("We'll start taking questions at 6PM EST. Edit: thanks all!");
        assertThat(cleaner.clean("Compute 2**10 in Python and call __init__ once."))
                .isEqualTo("Compute 2**10 in Python and call __init__ once.");
    }

    @Test
    void footersAreFoundAtTheEndOfLongTexts() {
        String body = "A long self post about clocks and radios that goes on. ".repeat(100).strip();
        assertThat(cleaner.clean(body + "\n\nsubmitted by /u/tinkerer to /r/DIY\n[link] [312 comments]")).isEqualTo(body);
        assertThat(cleaner.clean(body + "\n\nThe post Clocks appeared first on Radio Blog.")).isEqualTo(body);
    }

    @Test
    void hackerNewsFooterIsStripped() {
        assertThat(cleaner.clean("Article URL: https://blog.example.org/post\n\nComments URL: "
                + "https://news.ycombinator.com/item?id=123\n\nPoints: 42\n\n# Comments: 7")).isEmpty();
        assertThat(cleaner.clean("A tiny database written in a weekend.\n\nArticle URL: https://blog.example.org/post "
                + "Comments URL: https://news.ycombinator.com/item?id=123 Points: 42 # Comments: 7"))
                .isEqualTo("A tiny database written in a weekend.");
    }

    @Test
    void craigslistFurnitureIsStripped() {
        String cleaned = cleaner.clean("QR Code Link to This Post Sunny two-bedroom flat near the park. "
                + "show contact info Close to transit. do NOT contact me with unsolicited services or offers");
        assertThat(cleaned).contains("Sunny two-bedroom flat near the park.").contains("Close to transit.")
                .doesNotContain("QR Code").doesNotContain("contact info").doesNotContain("unsolicited");
    }

    @Test
    void aSentenceWhoseContactCraigslistHidIsDroppedWhole() {
        String cleaned = cleaner.clean("Sunny two-bedroom flat near the park. "
                + "Please contact Ann at show contact info if you wish to schedule a viewing. Cats are welcome.");
        assertThat(cleaned).contains("Sunny two-bedroom flat near the park.").contains("Cats are welcome.")
                .doesNotContain("Please contact").doesNotContain("contact info");
    }

    @Test
    void wordPressFooterIsStrippedInSeveralLanguages() {
        assertThat(cleaner.clean("The bridge reopened today.\n\nThe post Bridge reopens appeared first on City News."))
                .isEqualTo("The bridge reopened today.");
        assertThat(cleaner.clean("Die Brücke ist wieder offen. Der Beitrag Brücke offen erschien zuerst auf Stadtblog."))
                .isEqualTo("Die Brücke ist wieder offen.");
        assertThat(cleaner.clean("Le pont a rouvert. L’article Le pont rouvre est apparu en premier sur Journal."))
                .isEqualTo("Le pont a rouvert.");
        assertThat(cleaner.clean("Silta avattiin tänään.\n\nLue lisää... from Silta avattiin\n\n"
                + "The post Silta avattiin first appeared on Kunta.")).isEqualTo("Silta avattiin tänään.");
    }

    @Test
    void pointersToTheRestOfTheArticleAreStrippedAtTheEnd() {
        assertThat(cleaner.clean("The bridge reopened today.\nContinue reading Bridge reopens →"))
                .isEqualTo("The bridge reopened today.");
        assertThat(cleaner.clean("The bridge reopened today. Read more »")).isEqualTo("The bridge reopened today.");
        assertThat(cleaner.clean("It has been a long year … Read More Here →")).isEqualTo("It has been a long year …");
        assertThat(cleaner.clean("Die Brücke ist offen. Weiterlesen")).isEqualTo("Die Brücke ist offen.");
        assertThat(cleaner.clean("Le pont est ouvert. Lire la suite")).isEqualTo("Le pont est ouvert.");
        assertThat(cleaner.clean("Мост снова открыт. Читать далее")).isEqualTo("Мост снова открыт.");
        assertThat(cleaner.clean("橋が再開しました。続きを読む")).isEqualTo("橋が再開しました。");
        assertThat(cleaner.clean("You can read more about the bridge in the city's report."))
                .isEqualTo("You can read more about the bridge in the city's report.");
    }

    @Test
    void shareBarsAreStripped() {
        assertThat(cleaner.clean("The bridge reopened today.\n\nShare this:\n\nTwitter\nFacebook\n\nLike this:\n\nLike Loading..."))
                .isEqualTo("The bridge reopened today.");
        assertThat(cleaner.clean("Share on Twitter · Share on Facebook\n\nThe bridge reopened today."))
                .isEqualTo("The bridge reopened today.");
    }

    @Test
    void signaturesAndBylinesAreStripped() {
        String body = "Version 3 of the API is now available.";
        assertThat(cleaner.clean(body + "\n\n- Jane Roe, Widget API Team")).isEqualTo(body);
        assertThat(cleaner.clean(body + "\n\n— The Widget Team")).isEqualTo(body);
        assertThat(cleaner.clean(body + "\n\nJane Roe, Widget API Team")).isEqualTo(body);
        assertThat(cleaner.clean(body + "\n\nAnash P. Roe, Widget API Team")).isEqualTo(body);
        assertThat(cleaner.clean(body + "\n\n- Jane Roe on behalf of the Widget API Team.")).isEqualTo(body);
        assertThat(cleaner.clean(body + " - Jane Roe, Widget API Team")).isEqualTo(body);
        assertThat(cleaner.clean("Posted by Jane Roe, Product Manager\n\n" + body)).isEqualTo(body);
        assertThat(cleaner.clean(body + "\n\nBy Jane Roe in Sydney, 2024-01-08.")).isEqualTo(body);
        assertThat(cleaner.clean(body + "\n\nShare this:\n\n- Jane Roe, Widget API Team")).isEqualTo(body);
    }

    @Test
    void listItemsAndSentencesThatLookLikeSignaturesStay() {
        assertThat(cleaner.clean("Changes:\n\n- Fixed a crash on start.")).isEqualTo("Changes:\n\n- Fixed a crash on start.");
        assertThat(cleaner.clean("Prices rise.\n\nBy Friday Apple will ship the update."))
                .isEqualTo("Prices rise.\n\nBy Friday Apple will ship the update.");
        assertThat(cleaner.clean("The release was coordinated by the Kubernetes Release Team."))
                .isEqualTo("The release was coordinated by the Kubernetes Release Team.");
    }

    @Test
    void bareAndHangingUrlsAreStrippedButUrlsInsideSentencesStay() {
        assertThat(cleaner.clean("It shipped.\n\nhttps://example.com/x\n\nMore next week."))
                .isEqualTo("It shipped.\n\n\nMore next week.".replace("\n\n\n", "\n\n"));
        assertThat(cleaner.clean("It shipped today. https://example.com/notes")).isEqualTo("It shipped today.");
        assertThat(cleaner.clean("Here's the proof: https://t.example/status/1")).isEqualTo("Here's the proof:");
        assertThat(cleaner.clean("Thanks! Source: https://example.com/a")).isEqualTo("Thanks!");
        assertThat(cleaner.clean("Download it from https://example.com/x")).isEqualTo("Download it from https://example.com/x");
        assertThat(cleaner.clean("Notes are at https://example.com/x for details."))
                .isEqualTo("Notes are at https://example.com/x for details.");
    }

    @Test
    void plainTextPassesThroughUnchanged() {
        String text = "Line one.\n\nLine two has https://example.com/a inside it. Done.";
        assertThat(cleaner.clean(text)).isSameAs(text);
        assertThat(cleaner.clean("")).isEmpty();
        assertThat(cleaner.clean(null)).isEmpty();
    }
}
