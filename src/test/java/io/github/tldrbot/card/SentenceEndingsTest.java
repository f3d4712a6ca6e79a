package io.github.tldrbot.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceEndingsTest {

    private final SentenceEndings endings = new SentenceEndings();

    private List<String> settle(boolean cut, String... sentences) {
        return endings.settle(List.of(sentences), cut, s -> false);
    }

    @Test
    void theCutLastSentenceLosesItsPartialWordAndEndsInAnEllipsis() {
        assertThat(settle(true, "A zillion games came out.", "We talk loot boxes and take another round of your fo"))
                .containsExactly("A zillion games came out.", "We talk loot boxes and take another round of your…");
        assertThat(settle(true, "Is Valve going to let you resell games?", "Weird!", "The"))
                .containsExactly("Is Valve going to let you resell games?", "Weird!");
        assertThat(settle(true, "Die Konferenz beginnt am Montag in der Stadt mit vielen Gäs"))
                .containsExactly("Die Konferenz beginnt am Montag in der Stadt mit vielen…");
        assertThat(settle(true, "当社は本日、新しい言語モデルを公開しま")).containsExactly("当社は本日、新しい言語モデルを公開しま…");
        assertThat(settle(true, "It ends here.", "Nothing, and")).containsExactly("It ends here.");
        assertThat(settle(true, "It ends here.", "[...]")).containsExactly("It ends here.");
        assertThat(settle(false, "[…]", "It ends here.")).containsExactly("It ends here.");
        assertThat(settle(true, "It ends here.", "—")).containsExactly("It ends here.");
        assertThat(settle(false, "Kuulutusaika päättyy lokakuussa ja julkaisu vanhenee [...]", "Seuraava kappale alkaa."))
                .containsExactly("Kuulutusaika päättyy lokakuussa ja julkaisu…", "Seuraava kappale alkaa.");
    }

    @Test
    void shortLinesWithoutAnEndAreHeadingsAndDropped() {
        assertThat(settle(false, "Release notes", "Version 2 adds offline sync for every team.", "Key features",
                "Offline sync works on flights.", "New Features in the Widget API for Teams"))
                .containsExactly("Version 2 adds offline sync for every team.", "Offline sync works on flights.");
    }

    @Test
    void longerLinesWithoutAnEndGetAPeriod() {
        assertThat(settle(false, "A McAfee signature update is causing system failures for administrators",
                "Der Stand der Dinge in Sachen Sicherheit bei dem führenden Mobilfunkstandard",
                "Правительство объявило о новых мерах поддержки малого бизнеса в регионах страны",
                "新しいモデルは以前より三倍速く動作し価格は据え置きになる予定"))
                .containsExactly("A McAfee signature update is causing system failures for administrators.",
                        "Der Stand der Dinge in Sachen Sicherheit bei dem führenden Mobilfunkstandard.",
                        "Правительство объявило о новых мерах поддержки малого бизнеса в регионах страны.",
                        "新しいモデルは以前より三倍速く動作し価格は据え置きになる予定。");
    }

    @Test
    void aLongerLineWhoseLastWordNeedsAnotherEndsInAnEllipsis() {
        assertThat(settle(false, "Two hundred dollars each as an open source bonus, courtesy of Google, to",
                "The rest went to local charities."))
                .containsExactly("Two hundred dollars each as an open source bonus, courtesy of Google, to…",
                        "The rest went to local charities.");
    }

    @Test
    void sentencesThatEndProperlyAreKept() {
        assertThat(settle(false, "C'est fini !", "He called it “a disaster”", "‘Yes!’", "(See above.)", "Really?!",
                "यह पहला वाक्य है।", "Wait…"))
                .containsExactly("C'est fini !", "He called it “a disaster”", "‘Yes!’", "(See above.)", "Really?!",
                        "यह पहला वाक्य है।", "Wait…");
    }

    @Test
    void leadInsStayWhenTheyAreSentencesAndGoWhenTheyAreHeadings() {
        assertThat(settle(false, "Follow-up:", "The release adds three things that teams asked for:"))
                .containsExactly("The release adds three things that teams asked for:");
    }

    @Test
    void linesThatAreOnlyALinkTextAreDropped() {
        List<String> out = endings.settle(List.of("Steve's long thread about the new iPad keyboard case",
                "We discuss the new iPad keyboard case at length."), false,
                s -> s.equals("Steve's long thread about the new iPad keyboard case"));
        assertThat(out).containsExactly("We discuss the new iPad keyboard case at length.");
        assertThat(endings.settle(List.of("Dr Jane Roe interviews Professor John Doe on the causes of melanoma"), false,
                s -> true)).containsExactly("Dr Jane Roe interviews Professor John Doe on the causes of melanoma.");
    }

    @Test
    void titleCaseNeedsEveryLongWordCapitalised() {
        assertThat(SentenceEndings.isTitleCase("New Features in the Widget API")).isTrue();
        assertThat(SentenceEndings.isTitleCase("New features in the widget API")).isFalse();
        assertThat(SentenceEndings.isTitleCase("Die Kosten steigen weiter")).isFalse();
        assertThat(SentenceEndings.isTitleCase("API")).isFalse();
    }
}
