package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ClientProfile;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Searching the list for a word somebody wrote: the chat appears under "Found in messages"
 * with the message's snippet, the word marked; opening the row scrolls the chat to that message
 * (even one older than the first page of history) and marks it.
 */
class MessageSearchViewTest extends BrowserlessViewTest {

    StaffMember anna;
    ChannelInfo telegram;
    long olenasChat;

    @BeforeEach
    void olenaAskedAboutDeliveryLongAgo() {
        anna = staff.manager("anna");
        telegram = inbox.channel("Telegram shop", anna);
        ClientProfile olena = inbox.newClient("Olena Bondar", null);
        olenasChat = inbox.write(telegram, olena, "<img src=x onerror=alert(1)> Do you deliver to Lviv?")
                .conversationId();
        for (int i = 0; i < MessageHistory.PAGE + 10; i++) {
            inbox.write(telegram, olena, "Another question " + i);
        }
        inbox.newChat(telegram, "Taras Melnyk", "deliver_taras");
        signInAndOpenApp(anna);
    }

    @Test
    void theRowShowsTheMessageWithTheWordMarkedAndOpeningItScrollsToTheMessage() {
        ChatsView view = search("chats", "q=deliver");

        List<ConversationSummary> rows =
                view.list.grid.getLazyDataView().getItems().toList();
        assertThat(rows)
                .extracting(ConversationSummary::clientName)
                .as("by name first, then by message text")
                .containsExactly("Taras Melnyk", "Olena Bondar");
        ConversationSummary found = rows.get(1);
        assertThat(value(view, rows.get(0), "section")).isEqualTo("");
        assertThat(value(view, found, "section")).isEqualTo("Found in messages");
        assertThat(value(view, found, "snippet"))
                .as("text parts, the odd ones marked")
                .isEqualTo(List.of("<img src=x onerror=alert(1)> Do you ", "deliver", " to Lviv?"));
        assertThat(template(view))
                .contains("html`<mark>${text}</mark>`")
                .doesNotContain("unsafeHTML", "innerHTML", "unsafeSVG");

        test(view.list.grid).clickRow(1);

        assertThat(view.window.conversationId()).isEqualTo(olenasChat);
        assertThat(view.window.messages.found)
                .as("the history was read back to the message")
                .isNotNull();
        assertThat(view.window.messages.found.message().id())
                .isEqualTo(found.match().messageId());
        assertThat(view.window.messages.found.hasClassName("message-found")).isTrue();
        assertThat(view.window.messages.found.message().body())
                .isEqualTo("<img src=x onerror=alert(1)> Do you deliver to Lviv?");
    }

    @Test
    void aLinkToTheFoundMessageOpensTheChatThere() {
        ChatsView view = search("chats", "q=deliver");
        long message = view.list
                .grid
                .getLazyDataView()
                .getItems()
                .filter(r -> r.match() != null)
                .findFirst()
                .orElseThrow()
                .match()
                .messageId();

        view = search("chats/" + olenasChat, "q=deliver&message=" + message);

        assertThat(view.window.messages.found.message().id()).isEqualTo(message);
    }

    private ChatsView search(String path, String query) {
        UI.getCurrent().navigate(path, QueryParameters.fromString(query));
        return (ChatsView) getCurrentView();
    }

    @SuppressWarnings("unchecked")
    private static Object value(ChatsView view, ConversationSummary row, String property) {
        var renderer = (LitRenderer<ConversationSummary>)
                view.list.grid.getColumns().getFirst().getRenderer();
        return renderer.getValueProviders().get(property).apply(row);
    }

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
