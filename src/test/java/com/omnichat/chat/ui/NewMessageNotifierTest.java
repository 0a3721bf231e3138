package com.omnichat.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.omnichat.BrowserlessViewTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ClientProfile;
import com.omnichat.chat.ChatNotifications;
import com.omnichat.chat.InboxService;
import com.omnichat.chat.NotificationSettings;
import com.omnichat.user.StaffMember;
import com.vaadin.browserless.ComponentTester;
import com.vaadin.flow.component.ModalityMode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A signed-in tab announces a client's new message, whatever page it shows, when the
 * message concerns the user: counted in the title and with desktop notification while the
 * tab is hidden, a chime while he works elsewhere in the app, nothing for the chat he is
 * looking at. Messages really arrive through ingestion and the live updates.
 */
class NewMessageNotifierTest extends BrowserlessViewTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    ChatNotifications notifications;

    @Autowired
    InboxService service;

    @Autowired
    OpenTabs tabs;

    private StaffMember anna;
    private StaffMember max;
    private ChannelInfo telegram;
    private final List<Announced> announced = new ArrayList<>();
    private final List<OpenTabs.Tab> otherTabs = new ArrayList<>();

    @BeforeEach
    void annaAndMaxWorkTelegram() {
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = inbox.channel("Telegram shop", anna, max);
    }

    @AfterEach
    void closeOtherTabs() {
        otherTabs.forEach(tabs::close);
    }

    @Test
    void aHiddenTabOnAnyPageCountsTheMessageChimesAndShowsADesktopNotification() {
        signInAndOpenApp(anna);
        notifications.save(NotificationSettings.DEFAULTS.withDesktop(true));
        open("clients");
        tabBecomesHidden(true);

        long chat = inbox.write(telegram, inbox.newClient("Olena Bondar", null), "Do you deliver to Lviv?")
                .conversationId();

        assertThat(awaitAnnouncementOf(chat))
                .containsExactly(new Announced(chat, "Olena Bondar", "Do you deliver to Lviv?", true, true, true));
        assertThat($(NewMessageNotifier.class).all())
                .as("one notifier per tab, kept across pages")
                .hasSize(1);
    }

    @Test
    void theUsersChoicesApplyFromTheNextMessageOn() {
        signInAndOpenApp(anna);
        open("chats");
        tabBecomesHidden(true);
        long first = inbox.newChat(telegram, "Olena Bondar");
        assertThat(awaitAnnouncementOf(first))
                .singleElement()
                .satisfies(a -> assertThat(a.sound()).isTrue())
                .satisfies(a ->
                        assertThat(a.desktop()).as("off until he turns it on").isFalse());

        notifications.save(new NotificationSettings(false, true, NotificationSettings.DEFAULTS.scope()));
        long second = inbox.newChat(telegram, "Taras Melnyk");

        assertThat(awaitAnnouncementOf(second))
                .last()
                .isEqualTo(new Announced(second, "Taras Melnyk", "Hello from Taras Melnyk", true, false, true));
    }

    @Test
    void theChatInFrontOfTheUserStaysQuietOtherChatsChimeAndAHiddenTabAnnouncesEvenTheChatItShows() {
        signInAndOpenApp(anna);
        open("chats");
        ClientProfile olena = inbox.newClient("Olena Bondar", null);
        long chat = inbox.write(telegram, olena, "Hello?").conversationId();
        assertThat(awaitAnnouncementOf(chat))
                .as("visible tab, another page of the chats: a chime only")
                .containsExactly(new Announced(chat, "Olena Bondar", "Hello?", false, true, false));

        open("chats/" + chat);
        announced.clear();
        inbox.write(telegram, olena, "Are you there?");
        long other = inbox.newChat(telegram, "Taras Melnyk");
        assertThat(awaitAnnouncementOf(other)).extracting(Announced::chat).containsExactly(other);

        tabBecomesHidden(true);
        inbox.write(telegram, olena, "Hello???");
        assertThat(awaitAnnouncementOf(chat))
                .last()
                .isEqualTo(new Announced(chat, "Olena Bondar", "Hello???", true, true, false));
    }

    @Test
    void whileTheUserWorksInAnotherVisibleTabAHiddenTabOnlyCounts() {
        signInAndOpenApp(anna);
        open("clients");
        tabBecomesHidden(true);
        ClientProfile olena = inbox.newClient("Olena Bondar", null);
        long watched = inbox.write(telegram, olena, "Hello?").conversationId();
        awaitAnnouncementOf(watched);
        // Anna's other tab in this browser, visible, shows Olena's chat.
        OpenTabs.Tab another = tabs.open(VaadinSession.getCurrent().getSession().getId(), () -> true);
        otherTabs.add(another);
        another.openChat = watched;
        announced.clear();

        inbox.write(telegram, olena, "Are you there?");
        long elsewhere = inbox.newChat(telegram, "Taras Melnyk");

        assertThat(awaitAnnouncementOf(elsewhere))
                .containsExactly(
                        new Announced(elsewhere, "Taras Melnyk", "Hello from Taras Melnyk", true, false, false));
    }

    @Test
    void aColleaguesReplyNoteOrAssignmentIsNotAnnouncedOnlyTheClientsNextMessage() {
        signInAndOpenApp(anna);
        open("clients");
        tabBecomesHidden(true);
        ClientProfile olena = inbox.newClient("Olena Bondar", null);
        long chat = inbox.write(telegram, olena, "Hello?").conversationId();
        awaitAnnouncementOf(chat);
        announced.clear();

        // Max, in Anna's unassigned chat (her scope): a note and handing it to Anna while the client's
        // message is still unread, then his reply.
        staff.signInAs(max);
        service.addNote(chat, "Regular customer");
        service.assign(chat, anna.id());
        service.reply(chat, "Hello Olena!", null, List.of());
        staff.signInAs(anna);
        inbox.write(telegram, olena, "Roses, please");

        // Live events arrive in order: anything the colleague's changes announced would come first.
        assertThat(awaitAnnouncementOf(chat))
                .as("only the client's new message")
                .containsExactly(new Announced(chat, "Olena Bondar", "Roses, please", true, true, false));
    }

    @Test
    void onlyAClientsMessageInTheUsersScopeIsAnnounced() {
        signInAndOpenApp(anna);
        open("clients");
        tabBecomesHidden(true);
        ClientProfile olena = inbox.newClient("Olena Bondar", null);
        long maxs = inbox.write(telegram, olena, "Hello?").conversationId();
        awaitAnnouncementOf(maxs);
        announced.clear();

        // Max takes the chat; then the client writes again: his chat now, outside Anna's scope.
        staff.signInAs(max);
        service.assign(maxs, max.id());
        inbox.write(telegram, olena, "Roses, please");
        staff.signInAs(anna);
        long unassigned = inbox.newChat(telegram, "Taras Melnyk");

        assertThat(awaitAnnouncementOf(unassigned)).extracting(Announced::chat).containsExactly(unassigned);
    }

    @Test
    void anOpenDialogDoesNotSilenceTheTab() {
        signInAndOpenApp(anna);
        open("chats");
        var dialog = new ShortcutsHelp();
        dialog.setModality(ModalityMode.STRICT);
        dialog.open();
        roundTrip();
        assertThat($(NewMessageNotifier.class).single().getElement().getNode().isInert())
                .as("a strictly modal dialog makes the rest of the page inert")
                .isTrue();

        tabBecomesHidden(true);
        long chat = inbox.newChat(telegram, "Olena Bondar");

        assertThat(awaitAnnouncementOf(chat)).extracting(Announced::count).containsExactly(true);
        fireWithDetail(NewMessageNotifier.OPEN_CHAT_EVENT, Long.toString(chat));
        assertThat(((ChatsView) getCurrentView()).window.conversationId()).isEqualTo(chat);
    }

    @Test
    void clickingADesktopNotificationOpensTheChat() {
        long chat = inbox.newChat(telegram, "Olena Bondar");
        signInAndOpenApp(anna);
        open("clients");

        fireWithDetail(NewMessageNotifier.OPEN_CHAT_EVENT, Long.toString(chat));

        ChatsView view = (ChatsView) getCurrentView();
        assertThat(view.window.conversationId()).isEqualTo(chat);
    }

    private void tabBecomesHidden(boolean hidden) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("event.detail", hidden);
        fire(NewMessageNotifier.VISIBILITY_EVENT, data);
    }

    private void fireWithDetail(String type, String detail) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("event.detail", detail);
        fire(type, data);
    }

    /** As the browser script reports to the server. */
    private void fire(String type, ObjectNode data) {
        new ComponentTester<NewMessageNotifier>($(NewMessageNotifier.class).single()) {
            void send() {
                fireDomEvent(type, data);
            }
        }.send();
    }

    /** Lets live events in until the tab was told to announce this chat; returns everything announced so far. */
    private List<Announced> awaitAnnouncementOf(long chat) {
        try {
            // In this thread: the browserless session is bound to it and runs tasks queued by other threads
            // (live updates) only when asked.
            await().atMost(PATIENCE)
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(25))
                    .until(() -> {
                        collectAnnouncements();
                        return announced.stream().anyMatch(a -> a.chat() == chat);
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "Chat " + chat + " was not announced within " + PATIENCE + "; announced: " + announced, e);
        }
        return List.copyOf(announced);
    }

    private void collectAnnouncements() {
        VaadinSession.getCurrent().getService().runPendingAccessTasks(VaadinSession.getCurrent());
        roundTrip();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation)
                .filter(i -> i.getExpression().contains(".alert("))
                .map(i -> i.getParameters().stream()
                        .filter(p -> !(p instanceof Element))
                        .toList())
                .forEach(p -> announced.add(new Announced(
                        Long.parseLong((String) p.get(0)),
                        (String) p.get(1),
                        (String) p.get(2),
                        (Boolean) p.get(3),
                        (Boolean) p.get(4),
                        (Boolean) p.get(5))));
    }

    /** What the tab's script was asked to do: count in the title, chime, show a desktop notification. */
    record Announced(long chat, String client, String preview, boolean count, boolean sound, boolean desktop) {}
}
