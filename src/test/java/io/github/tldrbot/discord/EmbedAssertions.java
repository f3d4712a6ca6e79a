package io.github.tldrbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/** Oracles for embeds: JDA's own checks plus each Discord limit and grapheme safety. */
final class EmbedAssertions {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private EmbedAssertions() {
    }

    /** Every Discord limit holds, JDA accepts it for sending, and no text holds a broken surrogate. */
    static void assertSendable(MessageEmbed embed) {
        assertThat(embed.isSendable()).as("isSendable").isTrue();
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        EmbedBuilder copy = new EmbedBuilder(embed);
        assertThat(copy.isValidLength()).isTrue();
        // MessageEmbed counts code points, EmbedBuilder UTF-16 chars; the stricter count must fit too.
        assertThat(copy.length()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT)
                .isGreaterThanOrEqualTo(embed.getLength());
        copy.build();
        new MessageCreateBuilder().setEmbeds(embed).build();

        assertThat(embed.getTitle()).isNotBlank();
        assertThat(embed.getTitle().length()).isLessThanOrEqualTo(MessageEmbed.TITLE_MAX_LENGTH);
        if (embed.getDescription() != null) {
            assertThat(embed.getDescription().length()).isLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
        }
        assertThat(embed.getFields().size()).isLessThanOrEqualTo(MessageEmbed.MAX_FIELD_AMOUNT);
        for (MessageEmbed.Field field : embed.getFields()) {
            assertThat(field.getName().length()).isLessThanOrEqualTo(MessageEmbed.TITLE_MAX_LENGTH);
            assertThat(field.getValue().length()).isLessThanOrEqualTo(MessageEmbed.VALUE_MAX_LENGTH);
            assertThat(field.getValue()).isNotBlank();
        }
        if (embed.getAuthor() != null) {
            assertThat(embed.getAuthor().getName().length()).isLessThanOrEqualTo(MessageEmbed.AUTHOR_MAX_LENGTH);
        }
        if (embed.getFooter() != null) {
            assertThat(embed.getFooter().getText().length()).isLessThanOrEqualTo(MessageEmbed.TEXT_MAX_LENGTH);
        }
        for (String text : texts(embed)) {
            assertNoBrokenSurrogate(text);
        }
        for (String url : urls(embed)) {
            assertThat(url).hasSizeLessThanOrEqualTo(MessageEmbed.URL_MAX_LENGTH).matches("(?i)https?://\\S+");
        }
    }

    static List<String> texts(MessageEmbed embed) {
        List<String> texts = new ArrayList<>();
        texts.add(embed.getTitle());
        if (embed.getDescription() != null) {
            texts.add(embed.getDescription());
        }
        if (embed.getAuthor() != null) {
            texts.add(embed.getAuthor().getName());
        }
        if (embed.getFooter() != null) {
            texts.add(embed.getFooter().getText());
        }
        for (MessageEmbed.Field field : embed.getFields()) {
            texts.add(field.getName());
            texts.add(field.getValue());
        }
        return texts;
    }

    static List<String> urls(MessageEmbed embed) {
        List<String> urls = new ArrayList<>();
        if (embed.getUrl() != null) {
            urls.add(embed.getUrl());
        }
        if (embed.getAuthor() != null && embed.getAuthor().getUrl() != null) {
            urls.add(embed.getAuthor().getUrl());
        }
        if (embed.getImage() != null) {
            urls.add(embed.getImage().getUrl());
        }
        return urls;
    }

    static void assertNoBrokenSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                        .as("high surrogate at %d is paired in %s", i, text).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
            }
        }
    }

    /**
     * {@code shown} is either {@code source} whole, or a prefix of it cut at a grapheme-cluster
     * boundary (Java's {@code \X}: keeps ZWJ sequences, flags, skin tones, combining marks) followed by "…".
     */
    static void assertCutAtGraphemeBoundary(String source, String shown) {
        if (shown.equals(source)) {
            return;
        }
        assertThat(shown).endsWith("…");
        String head = shown.substring(0, shown.length() - 1);
        assertThat(source).startsWith(head);
        TreeSet<Integer> boundaries = new TreeSet<>();
        Matcher m = GRAPHEME.matcher(source);
        boundaries.add(0);
        while (m.find()) {
            boundaries.add(m.end());
        }
        assertThat(boundaries).as("cut at %d of %s", head.length(), source).contains(head.length());
    }
}
