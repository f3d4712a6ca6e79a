package io.github.tldrbot.discord;

import io.github.tldrbot.recap.RecapRequest;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** TEMPORARY stub (replaced at merge by the recap helper's class). */
public final class RecapMessages {
    public MessageCreateData firstPage(RecapRequest request) {
        return MessageCreateData.fromContent("recap " + request.period());
    }
}
