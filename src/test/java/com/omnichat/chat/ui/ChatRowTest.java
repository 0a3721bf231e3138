package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;
import com.omnichat.customer.ui.ClientCard;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A row of the chat list as the manager reads it: who (initials), on which channel (icon with
 * its name), when (the time today, the date before), who is responsible (his avatar), and for
 * the chat open beside it the channel's name instead of the last message. A client's name is
 * always text, never markup: in the list, the chat's header and the card.
 */
class ChatRowTest extends BrowserlessViewTest {

    private static final String MARKUP_NAME = "<img src=x onerror=alert(1)> Olena";

    @Autowired
    InboxService chats;

    StaffMember anna;
    StaffMember max;
    ChannelInfo telegram;
    long olena;
    long taras;

    @BeforeEach
    void olenaWroteTodayTarasDaysAgoMaxHasTaras() {
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = inbox.channel("Telegram shop", anna, max);
        taras = inbox.write(
                        telegram,
                        inbox.newClient("Taras Melnyk", null),
                        "Roses for Friday?",
                        Instant.now().minus(Duration.ofDays(3)))
                .conversationId();
        olena = inbox.write(telegram, inbox.newClient("Olena Bondar", null), "Do you deliver to Lviv?", Instant.now())
                .conversationId();
        staff.signInAs(anna);
        chats.assign(taras, max.id());
        signInAndOpenApp(anna);
    }

    @Test
    void aRowShowsInitialsChannelTimeOrDateAndTheResponsible() {
        ChatsView view = (ChatsView) open("chats");

        assertThat(value(view, olena, "name")).isEqualTo("Olena Bondar");
        assertThat(value(view, olena, "initials")).isEqualTo("OB");
        assertThat(value(view, olena, "channelIcon")).isEqualTo(ChannelType.TELEGRAM.icon());
        assertThat(value(view, olena, "channelName")).as("the icon's tooltip").isEqualTo("Telegram shop");
        assertThat((String) value(view, olena, "time")).as("today: the time").matches("\\d\\d:\\d\\d");
        assertThat((String) value(view, taras, "time")).as("days ago: the date").matches("\\d{1,2}/\\d{1,2}/\\d\\d");
        assertThat(value(view, olena, "preview")).isEqualTo("Do you deliver to Lviv?");
        assertThat(value(view, olena, "responsible")).as("nobody: no avatar").isEqualTo("");
        assertThat(value(view, taras, "responsible")).isEqualTo(max.fullName());
        assertThat(value(view, taras, "responsibleInitials")).isEqualTo(max.initials());
        assertThat(value(view, taras, "responsibleColor")).isEqualTo(max.avatarColor());
    }

    @Test
    void theOpenChatsRowShowsItsChannelInsteadOfTheLastMessage() {
        ChatsView view = (ChatsView) open("chats/" + olena);

        assertThat(value(view, olena, "preview")).isEqualTo("Telegram shop");
        assertThat(value(view, taras, "preview")).isEqualTo("Roses for Friday?");
    }

    @Test
    void aClientsNameIsTextNeverMarkupInTheListTheHeaderAndTheCard() {
        long chat = inbox.write(telegram, inbox.newClient(MARKUP_NAME, null), "Hello", Instant.now())
                .conversationId();

        ChatsView view = (ChatsView) open("chats/" + chat);

        // The list: the row template binds the name as text and attributes only (Lit escapes them).
        assertThat(template(view))
                .contains("<span class=\"chat-row-name\">${item.name}</span>")
                .doesNotContain("unsafeHTML", "innerHTML", "unsafeSVG");
        assertThat(value(view, chat, "name")).isEqualTo(MARKUP_NAME);
        // The header and the card: a text node with the name as it is.
        Span header =
                $(Span.class, view.window.header).withClassName("client-name").single();
        assertThat(header.getText()).isEqualTo(MARKUP_NAME);
        assertThat(header.getElement().getChildren()).allMatch(com.vaadin.flow.dom.Element::isTextNode);
        assertThat(header.getElement().getProperty("innerHTML")).isNull();
        ClientCard card = $(ClientCard.class).single();
        Span cardName = $(Span.class, card).all().stream()
                .filter(s -> MARKUP_NAME.equals(s.getText()))
                .findFirst()
                .orElseThrow();
        assertThat(cardName.getElement().getChildren()).allMatch(com.vaadin.flow.dom.Element::isTextNode);
        assertThat(cardName.getElement().getProperty("innerHTML")).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Object value(ChatsView view, long chat, String property) {
        var grid = view.list.grid;
        ConversationSummary row = grid.getLazyDataView()
                .getItems()
                .filter(c -> c.id() == chat)
                .findFirst()
                .orElseThrow();
        var renderer =
                (LitRenderer<ConversationSummary>) grid.getColumns().getFirst().getRenderer();
        return renderer.getValueProviders().get(property).apply(row);
    }

    /** The row template the grid sends to the browser (LitRenderer keeps it to itself). */
    private static String template(ChatsView view) {
        try {
            var field = LitRenderer.class.getDeclaredField("templateExpression");
            field.setAccessible(true);
            return (String) field.get(view.list.grid.getColumns().getFirst().getRenderer());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("LitRenderer changed: find its template another way", e);
        }
    }
}
