package com.omnichat.customer.ui;

import com.omnichat.base.Initials;
import com.omnichat.customer.ClientSummary;
import com.omnichat.customer.Phones;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How clients look in a grid row (the Clients section, "Choose buyer"): one template, no component per row. */
final class ClientsGrid {

    private ClientsGrid() {}

    static LitRenderer<ClientSummary> clientRenderer() {
        return LitRenderer.<ClientSummary>of("""
                        <div class="client-row">
                          <vaadin-avatar name="${item.name}" abbr="${item.initials}" img="${item.photo}"></vaadin-avatar>
                          <div class="client-row-text">
                            <span class="client-row-name">${item.name}</span>
                            <span class="client-row-nickname" ?hidden="${!item.nickname}">${item.nickname}</span>
                          </div>
                        </div>""")
                .withProperty("name", ClientSummary::name)
                .withProperty("initials", c -> Initials.of(c.name(), "?"))
                .withProperty("photo", c -> Objects.requireNonNullElse(c.photoUrl(), ""))
                .withProperty("nickname", c -> c.nickname() == null ? "" : "@" + c.nickname());
    }

    /** Phone and e-mail on one line. */
    static String contacts(ClientSummary client) {
        return Stream.of(client.phone() == null ? null : Phones.display(client.phone()), client.email())
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" · "));
    }
}
