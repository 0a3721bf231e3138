package com.omnichat.sales;

import com.omnichat.base.CurrentStaff;
import com.omnichat.base.Permission;
import com.omnichat.base.StaffPrincipal;
import com.omnichat.channel.ChannelService;
import com.omnichat.customer.ClientPredicates;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who sees which requests and orders: administrators all; a manager those whose source
 * channel he works with, whose client he can see (an identity on one of his channels, the
 * rule of the client card) or that he is responsible for. One SQL predicate, so lists,
 * counts and single reads agree.
 */
@Component
class SalesAccess {

    private final ChannelService channels;

    SalesAccess(ChannelService channels) {
        this.channels = channels;
    }

    Scope scope() {
        StaffPrincipal user = CurrentStaff.require();
        return new Scope(user, user.can(Permission.SEE_ALL_CLIENTS) ? null : channels.accessibleChannelIds(user));
    }

    /** The signed-in user and, for a manager, his channels ({@code null}: sees everything). */
    record Scope(StaffPrincipal user, @Nullable Set<Long> channelIds) {

        /** A predicate on a table aliased {@code alias} with channel_id, client_id and responsible_id. */
        String predicate(String alias) {
            if (channelIds == null) {
                return "true";
            }
            return "(%1$s.channel_id = any(:myChannels) or %1$s.responsible_id = :me or %2$s)"
                    .formatted(alias, ClientPredicates.reachableThrough(alias + ".client_id", "myChannels"));
        }

        void bind(Map<String, Object> params) {
            if (channelIds != null) {
                params.put("myChannels", channelIds.toArray(Long[]::new));
                params.put("me", user.id());
            }
        }
    }
}
