package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.base.ui.NotFoundView;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.chat.ConversationState;
import com.omnichat.chat.ConversationSummary;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.MessageKind;
import com.omnichat.user.StaffMember;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The chats page as a manager uses it, without a browser. */
class ChatsViewTest extends BrowserlessViewTest {

    @Autowired
    InboxService service;

    @Autowired
    com.omnichat.chat.MessageIngestion ingestion;

    private StaffMember anna;
    private ChannelInfo telegram;
    private ChannelInfo viber;

    @BeforeEach
    void annaWorksTelegramButNotViber() {
        anna = staff.manager("anna");
        telegram = inbox.channel("Telegram shop", anna);
        viber = inbox.channel("Viber shop");
    }

    @Test
    void managerWithoutChannelsIsToldToAskTheAdministratorAndHasNoChatsMenu() {
        signInAndOpenApp(staff.manager("newbie"));

        ChatsView view = navigate(ChatsView.class);

        assertThat(view.list).isNull();
        assertThat($(H3.class).all()).extracting(H3::getText).contains("No channels for you yet");
        assertThat(sideNavLabels()).doesNotContain("Chats");
    }

    @Test
    void listShowsOnlyChatsOfChannelsTheManagerMaySee() {
        inbox.newChat(telegram, "Olena Bondar");
        inbox.newChat(viber, "Hidden Client");
        signInAndOpenApp(anna);

        ChatsView view = navigate(ChatsView.class);

        assertThat(names(view)).containsExactly("Olena Bondar");
        assertThat(sideNavLabels()).contains("Chats");
    }

    @Test
    void searchAndUnansweredFilterTheListAndLandInTheAddress() {
        long answered = inbox.newChat(telegram, "Taras Melnyk");
        inbox.newChat(telegram, "Emma Wilson", "emma_w");
        signInAndOpenApp(anna);
        staffSignedInReplies(answered);
        ChatsView view = navigate(ChatsView.class);
        assertThat(names(view)).containsExactlyInAnyOrder("Taras Melnyk", "Emma Wilson");

        test(view.list.unanswered).click();
        assertThat(names(view)).containsExactly("Emma Wilson");

        test(view.list.unanswered).click();
        test(view.list.search).setValue("EMMA_");
        assertThat(names(view)).containsExactly("Emma Wilson");
        assertThat(view.list.currentFilter().search()).isEqualTo("EMMA_");
    }

    @Test
    void deepLinkOpensTheChatAndAReplyMakesTheManagerResponsible() {
        long chat = inbox.newChat(telegram, "Olena Bondar");
        signInAndOpenApp(anna);

        open("chats/" + chat);
        ChatsView view = (ChatsView) getCurrentView();
        assertThat(view.window.conversationId()).isEqualTo(chat);
        assertThat(String.join("\n", messageTexts(view))).contains("Hello from Olena Bondar");

        test(view.window.composer.input).setValue("Добрий день! Так, є.");
        test(view.window.composer.send).click();

        ConversationSummary after = service.get(chat);
        assertThat(after.responsible()).isNotNull();
        assertThat(after.responsible().id()).isEqualTo(anna.id());
        assertThat(after.unreadCount()).isZero();
        assertThat(String.join("\n", messageTexts(view))).contains("Добрий день! Так, є.");
        assertThat(view.window.composer.input.getValue()).isEmpty();
    }

    @Test
    void noteModeWritesAStaffOnlyNoteThatKeepsTheBadge() {
        long chat = inbox.newChat(telegram, "Olena Bondar");
        signInAndOpenApp(anna);
        open("chats/" + chat);
        ChatsView view = (ChatsView) getCurrentView();

        test(view.window.composer.noteMode).click();
        test(view.window.composer.input).setValue("Call her back after 5 pm");
        test(view.window.composer.send).click();

        var history = service.history(chat, null, 10);
        assertThat(history.getLast().kind()).isEqualTo(MessageKind.NOTE);
        assertThat(service.get(chat).unreadCount()).isEqualTo(1);
        assertThat(view.window
                        .messages
                        .getChildren()
                        .filter(c -> c.hasClassName("message-note"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void closeAndReopenFromTheTopBar() {
        long chat = inbox.newChat(telegram, "Olena Bondar");
        signInAndOpenApp(anna);
        open("chats/" + chat);
        ChatsView view = (ChatsView) getCurrentView();

        test(view.window.header.closeOrReopen).click();
        assertThat(service.get(chat).state()).isEqualTo(ConversationState.CLOSED);
        assertThat(view.window.header.closeOrReopen.getText()).isEqualTo("Reopen");

        test(view.window.header.closeOrReopen).click();
        assertThat(service.get(chat).state()).isEqualTo(ConversationState.OPEN);
    }

    @Test
    void chatOfAForbiddenChannelIsNotFound() {
        long hidden = inbox.newChat(viber, "Hidden Client");
        signInAndOpenApp(anna);

        open("chats/" + hidden);

        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void clientTextIsShownAsTextNeverAsMarkup() {
        var client = inbox.newClient("Mallory", null);
        long chat = inbox.write(telegram, client, "<img src=x onerror=alert(1)><b>bold</b>")
                .conversationId();
        signInAndOpenApp(anna);

        open("chats/" + chat);
        ChatsView view = (ChatsView) getCurrentView();

        var text = view.window
                .messages
                .getChildren()
                .filter(c -> c.hasClassName("message-client"))
                .flatMap(c -> c.getElement().getChild(0).getChildren())
                .filter(e -> e.getClassList().contains("text"))
                .findFirst()
                .orElseThrow();
        assertThat(text.getText()).isEqualTo("<img src=x onerror=alert(1)><b>bold</b>");
        assertThat(text.getProperty("innerHTML")).isNull();
        assertThat(text.getChildCount()).isEqualTo(1);
        assertThat(text.getChild(0).isTextNode())
                .as("a single text node, no elements")
                .isTrue();
    }

    @Test
    void aReplyToAnOriginalNotStoredHereShowsTheQuoteTheProviderSentAlong() {
        var reply = ingestion.receive(new com.omnichat.channel.InboundMessage(
                telegram.id(),
                inbox.newClient("Olena Bondar", null),
                inbox.newMessageId(),
                "Can I pick it up tomorrow?",
                List.of(),
                List.of(),
                "1111111:1200",
                new com.omnichat.channel.InboundMessage.ReplyQuote("Flower shop", "Your order 1042 is ready"),
                inbox.nextMoment()));
        signInAndOpenApp(anna);
        open("chats/" + reply.conversationId());
        ChatsView view = (ChatsView) getCurrentView();

        var quote = $(com.vaadin.flow.component.html.Div.class)
                .withClassName("quote")
                .single();

        assertThat(quote.getElement().getTextRecursively()).isEqualTo("Flower shopYour order 1042 is ready");
        assertThat(String.join("\n", messageTexts(view))).contains("Can I pick it up tomorrow?");
    }

    private void staffSignedInReplies(long chat) {
        service.reply(chat, "Answered", null, List.of());
    }

    private static List<String> names(ChatsView view) {
        return view.list
                .grid
                .getLazyDataView()
                .getItems()
                .map(ConversationSummary::clientName)
                .toList();
    }

    private static List<String> messageTexts(ChatsView view) {
        return view.window.messages.getChildren().map(c -> c.getElement().getTextRecursively()).toList().stream()
                .toList();
    }
}
