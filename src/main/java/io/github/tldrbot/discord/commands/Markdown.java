package io.github.tldrbot.discord.commands;

import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/** Feed titles come from the internet: shown in replies, their markdown is escaped. */
final class Markdown {
    private Markdown() {
    }

    static String escape(String text) {
        return MarkdownSanitizer.escape(text);
    }
}
