package io.github.tldrbot.discord;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Checks a built embed against Discord's documented limits, independently of JDA's own checks, so
 * a report can count breaches rather than trust that rendering prevents them: title 256,
 * description 4096, 25 fields, field name 256, field value 1024, footer 2048, author name 256, and
 * 6000 characters in all (title, description, field names and values, footer, author). Lengths
 * are UTF-16 chars, the stricter of the two counts in use. Stateless.
 */
public final class EmbedLimits {

    static final int TITLE = 256;
    static final int DESCRIPTION = 4096;
    static final int FIELDS = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int FOOTER = 2048;
    static final int AUTHOR = 256;
    static final int TOTAL = 6000;

    /** One line per limit the embed breaks, e.g. {@code "description 4200 > 4096"}; empty when it fits. */
    public List<String> breaches(MessageEmbed embed) {
        List<String> out = new ArrayList<>();
        int total = 0;
        total += check(out, "title", embed.getTitle(), TITLE);
        total += check(out, "description", embed.getDescription(), DESCRIPTION);
        if (embed.getFields().size() > FIELDS) {
            out.add("fields " + embed.getFields().size() + " > " + FIELDS);
        }
        for (MessageEmbed.Field field : embed.getFields()) {
            total += check(out, "field name", field.getName(), FIELD_NAME);
            total += check(out, "field value (" + field.getName() + ")", field.getValue(), FIELD_VALUE);
        }
        total += check(out, "footer", embed.getFooter() == null ? null : embed.getFooter().getText(), FOOTER);
        total += check(out, "author", embed.getAuthor() == null ? null : embed.getAuthor().getName(), AUTHOR);
        if (total > TOTAL) {
            out.add("total " + total + " > " + TOTAL);
        }
        return out;
    }

    private static int check(List<String> out, String what, String text, int max) {
        int length = text == null ? 0 : text.length();
        if (length > max) {
            out.add(what + " " + length + " > " + max);
        }
        return length;
    }
}
