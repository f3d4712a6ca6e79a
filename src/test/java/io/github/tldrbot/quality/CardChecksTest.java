package io.github.tldrbot.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tldrbot.card.AudienceRef;
import io.github.tldrbot.card.Card;
import io.github.tldrbot.card.SentenceSplitter;
import io.github.tldrbot.feed.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardChecksTest {

    static Card card(String tldr, String changed, String matters, String next, List<String> takeaways) {
        return new Card(tldr, changed, matters, next, List.of(new AudienceRef("developers", "Developers")), takeaways, "extractive");
    }

    static Article article(String title, String body) {
        return new Article("id", null, title, "https://news.example/a", null, null, null, List.of(), body, body, null);
    }

    @Test
    void onlyTldrMeansNoWhatChangedWhyItMattersOrTakeaways() {
        assertThat(CardChecks.onlyTldr(card("News.", null, null, "Update now.", List.of()))).isTrue();
        assertThat(CardChecks.onlyTldr(card("News.", " ", null, null, List.of(" ")))).isTrue();
        assertThat(CardChecks.onlyTldr(card("News.", null, "It matters.", null, List.of()))).isFalse();
        assertThat(CardChecks.onlyTldr(card("News.", null, null, null, List.of("A fact.")))).isFalse();
        assertThat(CardChecks.bodySections(card("News.", "Changed.", null, null, List.of("A fact.", "B fact.")))).isEqualTo(2);
    }

    @Test
    void aPointerToTheArticleIsGenericAnActionFromTheTextIsNot() {
        assertThat(CardChecks.isGenericPointer("Read the full story: https://news.example/a")).isTrue();
        assertThat(CardChecks.isGenericPointer("Read more at https://news.example/a")).isTrue();
        assertThat(CardChecks.isGenericPointer("https://news.example/a")).isTrue();
        assertThat(CardChecks.isGenericPointer("Continue reading…")).isTrue();
        assertThat(CardChecks.isGenericPointer("See the original article here.")).isTrue();
        assertThat(CardChecks.isGenericPointer("Update to version 2.1: https://news.example/notes")).isFalse();
        assertThat(CardChecks.isGenericPointer("Register before 3 May.")).isFalse();
        assertThat(CardChecks.isGenericPointer("Read the release notes before upgrading.")).isFalse();
        assertThat(CardChecks.isGenericPointer(null)).isFalse();
        assertThat(CardChecks.hasLink("Patch now: https://news.example/patch")).isTrue();
        assertThat(CardChecks.hasLink("Patch now.")).isFalse();
    }

    @Test
    void tldrRepeatsTheTitleIgnoringCasePunctuationAndSpace() {
        Article a = article("Apple releases iOS 18!", "Body text.");
        assertThat(CardChecks.tldrRepeatsTitle(card("apple releases  iOS 18", null, null, null, List.of()), a)).isTrue();
        assertThat(CardChecks.tldrRepeatsTitle(card("Apple releases iOS 18 with a new design.", null, null, null, List.of()), a)).isFalse();
        assertThat(CardChecks.hasBodyText(a)).isTrue();
        assertThat(CardChecks.hasBodyText(article("Only a title", null))).isFalse();
    }

    @Test
    void aSectionEndsMidTextWithoutTerminalPunctuationOrALink() {
        assertThat(CardChecks.endsMidText("It ended.")).isFalse();
        assertThat(CardChecks.endsMidText("He said \"no.\"")).isFalse();
        assertThat(CardChecks.endsMidText("(As expected.)")).isFalse();
        assertThat(CardChecks.endsMidText("The feed cut this one short…")).isFalse();
        assertThat(CardChecks.endsMidText("Is it safe?")).isFalse();
        assertThat(CardChecks.endsMidText("Details at https://news.example/a")).isFalse();
        assertThat(CardChecks.endsMidText("See the [notes](https://news.example/notes)")).isFalse();
        assertThat(CardChecks.endsMidText("这是一个句子。")).isFalse();
        assertThat(CardChecks.endsMidText("A podcast body cut at two hundred and fifty-five charact")).isTrue();
        assertThat(CardChecks.endsMidText("A headline without a stop")).isTrue();
        assertThat(CardChecks.endsMidText("Here is what is new:")).isTrue();
    }

    @Test
    void boilerplateIsRecognisedByKind() {
        assertThat(CardChecks.boilerplate("submitted by /u/someone to /r/news [link] [123 comments]", false))
                .contains("reddit \"submitted by\"");
        assertThat(CardChecks.boilerplate("submitted by someone to pics [link] [12 comments]", false))
                .contains("reddit \"submitted by\"");
        assertThat(CardChecks.boilerplate("A photo. [link] [comments]", false)).contains("[link] / [comments]");
        assertThat(CardChecks.boilerplate("The post Hello appeared first on Example Blog.", false)).contains("\"appeared first on\"");
        assertThat(CardChecks.boilerplate("I took two steps... [read more]", false)).contains("\"Read more\"");
        assertThat(CardChecks.boilerplate("The plan has three parts. Read more »", false)).contains("\"Read more\"");
        assertThat(CardChecks.boilerplate("It was a long night. Continue reading →", false)).contains("\"Continue reading\"");
        assertThat(CardChecks.boilerplate("- Ada Lovelace, Analytical Engine API Team", false)).contains("signature \"- Name, Team\"");
        assertThat(CardChecks.boilerplate("- Ada Lovelace on behalf of the Engine Team", false)).contains("signature \"- Name, Team\"");
        assertThat(CardChecks.boilerplate("Ada Lovelace, Engine API Team", false)).contains("signature \"- Name, Team\"");
        assertThat(CardChecks.boilerplate("Comments URL: https://news.example/item?id=1 Points: 12", false))
                .contains("HN \"Comments URL\" / \"Points:\"");
        assertThat(CardChecks.boilerplate("https://news.example/a", true)).contains("bare URL as a takeaway");
        assertThat(CardChecks.boilerplate("https://news.example/a", false)).isEmpty();
    }

    @Test
    void ordinaryProseIsNotBoilerplate() {
        assertThat(CardChecks.boilerplate("Readers can read more about it in the report.", false)).isEmpty();
        assertThat(CardChecks.boilerplate("The bill was submitted by senators to the committee.", false)).isEmpty();
        assertThat(CardChecks.boilerplate("Tim Cook, Apple's CEO, said the team grew.", false)).isEmpty();
        assertThat(CardChecks.boilerplate("The price rose by 5 points: 3 in May, 2 in June.", false)).isEmpty();
        assertThat(CardChecks.boilerplate("See https://news.example/a for the notes", true)).isEmpty();
    }

    @Test
    void splitsAtAbbreviationsAreFoundAtBothEndsOfTheCut() {
        String body = "We cover men's haircuts, L.A. Noire, Call of Duty Elite, and E3.\n\nThe price is Rs. 25 lakh.";
        Card c = card("We cover men's haircuts, L.A.", null, null, null,
                List.of("Noire, Call of Duty Elite, and E3.", "The price is Rs."));
        assertThat(CardChecks.abbreviationSplits(c, article("Bombcast", body)))
                .containsExactly("We cover men's haircuts, L.A.", "Noire, Call of Duty Elite, and E3.", "The price is Rs.");
    }

    @Test
    void aLowerCaseStartCountsOnlyRightAfterAPeriodInTheSameParagraph() {
        String body = "The tool shipped in version 2. exa is its new name.\n\nnpm is the registry it uses.";
        Card c = card("exa is its new name.", null, null, null, List.of("npm is the registry it uses."));
        assertThat(CardChecks.abbreviationSplits(c, article("Tools", body))).containsExactly("exa is its new name.");
    }

    @Test
    void sentencesEndingOnTimesOrOrdinaryWordsAreNotSplits() {
        String body = "Meetings are on Thursdays, 10-11 a.m. Bring a friend.";
        Card c = card("Meetings are on Thursdays, 10-11 a.m.", null, null, null, List.of("Bring a friend."));
        assertThat(CardChecks.abbreviationSplits(c, article("Meetings", body))).isEmpty();
        assertThat(CardChecks.abbreviationSplits(card("iPhone 16 ships today.", null, null, null, List.of()),
                article("iPhone", "iPhone 16 ships today."))).isEmpty();
    }

    @Test
    void anInitialThatEndsALineOrTheTitleEndsItsSentence() {
        String body = "We discuss the Xbox One and Nintendo Wii U.\nBrought to you by the letter D.";
        Card c = card("TIL that popcorn costs more in U.S.A.", null, null, null,
                List.of("We discuss the Xbox One and Nintendo Wii U.", "Brought to you by the letter D."));
        assertThat(CardChecks.abbreviationSplits(c, article("TIL that popcorn costs more in U.S.A.", body))).isEmpty();
        assertThat(CardChecks.abbreviationSplits(card("We discuss the Nintendo Wii U.", null, null, null, List.of()),
                article("Show", "We discuss the Nintendo Wii U. Console makers reply.")))
                .as("mid-paragraph, the check cannot tell: still counted").hasSize(1);
    }

    @Test
    void htmlResidueIsMarkupOrAnUndecodedEntity() {
        assertThat(CardChecks.htmlResidue("Text with <b>bold</b>")).isTrue();
        assertThat(CardChecks.htmlResidue("AT&amp;T")).isTrue();
        assertThat(CardChecks.htmlResidue("Use Atomic<T> and a < b")).isFalse();
        assertThat(CardChecks.htmlResidue("AT&T")).isFalse();
    }

    @Test
    void bodySentencesAreCountedWithTheSentenceSplitter() {
        CardChecks checks = new CardChecks(new SentenceSplitter());
        assertThat(checks.bodyHasSentences(article("t", "One. Two. Three."), 3)).isTrue();
        assertThat(checks.bodyHasSentences(article("t", "Dr. Smith met Mr. Jones. They talked."), 3)).isFalse();
        assertThat(checks.bodyHasSentences(article("t", null), 1)).isFalse();
    }

    @Test
    void nonEnglishMeansADetectedLanguageOtherThanEnglish() {
        assertThat(CardChecks.isNonEnglish("de")).isTrue();
        assertThat(CardChecks.isNonEnglish("en")).isFalse();
        assertThat(CardChecks.isNonEnglish(null)).isFalse();
    }
}
