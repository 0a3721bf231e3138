package com.omnichat.sales.ui;

import com.omnichat.base.NotFoundException;
import com.omnichat.base.ui.Notifications;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.customer.ClientService;
import com.omnichat.customer.ClientSummary;
import com.omnichat.sales.OrderService;
import com.omnichat.sales.ProductService;
import com.omnichat.sales.RequestService;
import com.omnichat.user.StaffMember;
import com.omnichat.user.UserService;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Opens the request and order forms wherever they are needed (the card, the sections) and
 * hands them the services they use. Holds no UI state: forms are created per opening.
 */
@Component
class SalesForms {

    final RequestService requests;
    final OrderService orders;
    final ProductService products;
    final UserService users;
    final ChannelService channels;
    final ClientService clients;

    SalesForms(
            RequestService requests,
            OrderService orders,
            ProductService products,
            UserService users,
            ChannelService channels,
            ClientService clients) {
        this.requests = requests;
        this.orders = orders;
        this.products = products;
        this.users = users;
        this.channels = channels;
        this.clients = clients;
    }

    RequestForm newRequest(
            ClientSummary client, @Nullable Long conversationId, @Nullable Long channelId, Runnable onSaved) {
        var form = new RequestForm(this, null, client, conversationId, channelId, onSaved);
        form.open();
        return form;
    }

    /** Opens the request, or says it is gone (deleted, or no longer visible to the user). */
    @Nullable
    RequestForm editRequest(long requestId, Runnable onSaved) {
        return edit(() -> new RequestForm(this, requests.get(requestId), null, null, null, onSaved), onSaved);
    }

    OrderForm newOrder(ClientSummary client, @Nullable Long conversationId, Runnable onSaved) {
        var form = new OrderForm(this, null, client, conversationId, onSaved);
        form.open();
        return form;
    }

    @Nullable
    OrderForm editOrder(long orderId, Runnable onSaved) {
        return edit(() -> new OrderForm(this, orders.get(orderId), null, null, onSaved), onSaved);
    }

    /** Opens the form of a saved record, or says it is gone and lets the caller refresh. */
    private static <D extends Dialog> @Nullable D edit(Supplier<D> form, Runnable onSaved) {
        try {
            D dialog = form.get();
            dialog.open();
            return dialog;
        } catch (NotFoundException e) {
            Notifications.errorKey("sales.error.gone");
            onSaved.run();
            return null;
        }
    }

    /** Active staff for "responsible manager", plus the current one should he have left since. */
    List<StaffMember> responsibleChoices(@Nullable Long currentId) {
        List<StaffMember> staff = new ArrayList<>(users.activeStaff());
        if (currentId != null && staff.stream().noneMatch(m -> m.id() == currentId)) {
            users.findById(currentId).ifPresent(staff::add);
        }
        staff.sort(Comparator.comparing(StaffMember::fullName));
        return staff;
    }

    /** The client's channels the user works with (where a "Write" or a source channel may point). */
    List<ChannelInfo> channelsOf(Set<Long> clientChannelIds) {
        return channels.myChannels().stream()
                .filter(c -> clientChannelIds.contains(c.id()))
                .toList();
    }

    /**
     * Where the order card's "Write" may point: the buyer's channels, then channels that start
     * a dialog by an address in his card (a phone channel when he has a phone). {@code address}
     * is that address, null for a channel he wrote through. Another kind of address (e-mail)
     * adds its own rule here.
     */
    List<WriteTarget> writeTargets(ClientSummary buyer) {
        List<WriteTarget> targets = new ArrayList<>();
        for (ChannelInfo channel : channels.myChannels()) {
            if (buyer.channelIds().contains(channel.id())) {
                targets.add(new WriteTarget(channel, null));
            } else if (buyer.phone() != null && channel.enabled() && channels.canStartByPhone(channel.id())) {
                targets.add(new WriteTarget(channel, buyer.phone()));
            }
        }
        targets.sort(Comparator.comparing((WriteTarget t) -> t.address() != null));
        return targets;
    }

    /** A channel to write to the buyer from, and the address in his card it uses (null: he wrote there). */
    record WriteTarget(ChannelInfo channel, @Nullable String address) {}

    /** The client, or null when the user may not see him (he may still see the order as its manager). */
    @Nullable
    ClientSummary clientOrNull(long clientId) {
        try {
            return clients.summary(clientId);
        } catch (NotFoundException e) {
            return null;
        }
    }
}
