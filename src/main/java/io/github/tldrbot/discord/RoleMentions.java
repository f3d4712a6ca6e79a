package io.github.tldrbot.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.utils.messages.MessageCreateRequest;

/**
 * Role pings for a card (SPEC §5.4, §7): the message content mentions the card's audience roles,
 * and the message's allowed mentions let exactly those roles ping — never {@code @everyone},
 * {@code @here}, users, the replied-to user or any other role, whatever text ends up in the
 * message.
 *
 * <p>JDA serialises allowed mentions as a {@code parse} list plus a {@code roles} whitelist. The
 * parse list is set empty here, so with no roles nothing can ping at all; with roles, only the
 * whitelisted ids can ({@code parse: ["roles"]} would let every role ping and is never sent).
 * Discord accepts at most {@value #MAX_ROLES} whitelisted roles and {@link Message#MAX_CONTENT_LENGTH}
 * content chars, so further roles are left out. Stateless and thread-safe.
 */
public final class RoleMentions {

    /** Discord's cap on {@code allowed_mentions.roles}. */
    public static final int MAX_ROLES = 100;

    /**
     * The role ids that will be mentioned: positive ids, duplicates removed, first-seen order, at most
     * {@value #MAX_ROLES} and as many as fit in one message's content.
     */
    public List<Long> mentioned(List<Long> roleIds) {
        List<Long> kept = new ArrayList<>();
        if (roleIds == null) {
            return kept;
        }
        int length = 0;
        for (Long id : new LinkedHashSet<>(roleIds)) {
            if (id == null || id <= 0) {
                continue;
            }
            int added = mention(id).length() + (kept.isEmpty() ? 0 : 1);
            if (kept.size() == MAX_ROLES || length + added > Message.MAX_CONTENT_LENGTH) {
                break;
            }
            kept.add(id);
            length += added;
        }
        return List.copyOf(kept);
    }

    /** {@code "<@&id> <@&id>"} for the {@link #mentioned mentioned} roles; empty when none. */
    public String content(List<Long> roleIds) {
        return mentioned(roleIds).stream().map(RoleMentions::mention).collect(Collectors.joining(" "));
    }

    /**
     * Sets {@code request}'s content to the role mentions (none when there are no roles) and its
     * allowed mentions to exactly those roles. Works on a {@code MessageCreateBuilder} as well as on
     * a {@code MessageCreateAction}. Meant for a fresh request: JDA adds role ids to any already
     * whitelisted ones rather than replacing them.
     *
     * @return {@code request}, for chaining
     */
    public <R extends MessageCreateRequest<R>> R apply(R request, List<Long> roleIds) {
        List<Long> ids = mentioned(roleIds);
        String content = ids.stream().map(RoleMentions::mention).collect(Collectors.joining(" "));
        request.setContent(content.isEmpty() ? null : content);
        request.setAllowedMentions(EnumSet.noneOf(MentionType.class));
        request.mentionRepliedUser(false);
        request.mentionRoles(ids.stream().map(String::valueOf).toList());
        return request;
    }

    private static String mention(long roleId) {
        return "<@&" + roleId + ">";
    }
}
