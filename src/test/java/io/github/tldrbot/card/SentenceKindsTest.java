package io.github.tldrbot.card;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Sentences that greet the reader or invite mail are furniture; news that merely starts alike is not. */
class SentenceKindsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "Hello, dear paid subscriber fam!",
        "Hi everyone,",
        "Good morning, readers.",
        "Hey there!",
        "If you have any questions about the AdWords API Workshops, you can post them on our forum.",
        "Feel free to file an issue on the library's issues page or contact us via our Google+ page.",
        "Please don't hesitate to contact our support team.",
        "Check out our Google+ page for Ads API updates.",
        "Follow us on Mastodon for the latest releases."})
    void greetingsAndInvitationsAreFurniture(String sentence) {
        assertThat(SentenceKinds.isFurniture(sentence)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hello Kitty maker Sanrio reported record profits on Tuesday, lifting its shares by 12 percent.",
        "Hi-fi sales rose for the third quarter in a row.",
        "Dear Evan Hansen opens in London next month after a sold-out run in New York.",
        "If you have questions about your refund, the tax office runs a hotline until Friday.",
        "Snowflake is the DBMS of the Year 2022.",
        "Visitors can check out our new page for updates on the outage, the utility said.",
        "Follow the money: investors poured $2 billion into the sector for updates to old plants."})
    void newsThatStartsAlikeIsNotFurniture(String sentence) {
        assertThat(SentenceKinds.isFurniture(sentence)).isFalse();
    }
}
