package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.SystemAccess;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelAdministration;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelService;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.chat.WriteFirstService.ChannelChoice;
import com.omnichat.chat.WriteFirstService.Reason;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writing first (SPEC 1.6): which of his channels a manager may write to a client from, why
 * the others are not offered, and what sending does (the chat, the queue, the audit line).
 */
@IntegrationTest
class WriteFirstTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures inbox;

    @Autowired
    WriteFirstService writeFirst;

    @Autowired
    InboxService inboxService;

    @Autowired
    ChannelService channelService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChannelAdministration channelAdministration;

    @Autowired
    com.omnichat.channel.PhoneChannelConnector phoneConnector;

    StaffMember anna;
    ChannelInfo telegramBot;
    ChannelInfo viberBot;
    ChannelInfo whatsapp;
    long olena;

    @BeforeEach
    void shop() {
        anna = staff.manager("anna");
        telegramBot = demoChannel(ChannelType.TELEGRAM, "Telegram bot");
        viberBot = demoChannel(ChannelType.VIBER, "Viber bot");
        whatsapp = inbox.channel(ChannelType.WHATSAPP, "WhatsApp", anna);
        olena = clientOf(inbox.newChat(telegramBot, "Olena"));
        staff.signInAs(anna);
    }

    @Test
    void aPhoneChannelIsOfferedOnlyWhenTheCardHasAPhone() {
        assertThat(choice(olena, whatsapp).reason()).isEqualTo(Reason.NEEDS_PHONE);
        assertThat(choice(olena, whatsapp).offered()).isFalse();
        assertThatThrownBy(() -> writeFirst.write(olena, whatsapp.id(), "Hello"))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("write.reason.needs-phone");

        savePhone(olena, "+380671234567");

        assertThat(choice(olena, whatsapp).reason()).isEqualTo(Reason.BY_PHONE);
        long chat = writeFirst.write(olena, whatsapp.id(), "Your order is ready");

        var summary = inboxService.get(chat);
        assertThat(summary.channel().id()).isEqualTo(whatsapp.id());
        assertThat(summary.clientId()).isEqualTo(olena);
        assertThat(summary.responsible().id()).isEqualTo(anna.id());
        assertThat(jdbc.sql("""
                        select i.external_user_id from conversation c join client_identity i on i.id = c.identity_id
                        where c.id = ?""").param(chat).query(String.class).single()).isEqualTo("380671234567");
        assertThat(texts(chat)).containsExactly("started-by-manager", "Your order is ready");
        assertThat(queued(chat)).isEqualTo(1);
        // Now the client has a chat there: the next message goes to it.
        assertThat(choice(olena, whatsapp).reason()).isEqualTo(Reason.EXISTING_CHAT);
        assertThat(writeFirst.write(olena, whatsapp.id(), "Pick it up today")).isEqualTo(chat);
    }

    @Test
    void aBotIsOfferedOnlyForClientsWhoWroteThroughIt() {
        assertThat(choice(olena, telegramBot).reason()).isEqualTo(Reason.EXISTING_CHAT);
        assertThat(choice(olena, viberBot).reason()).isEqualTo(Reason.BOT_NEEDS_CLIENT_FIRST);
        savePhone(olena, "+380671234567");
        // A phone does not help a bot.
        assertThat(choice(olena, viberBot).offered()).isFalse();
        assertThatThrownBy(() -> writeFirst.write(olena, viberBot.id(), "Hi"))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("write.reason.bot-needs-client-first");
    }

    @Test
    void theMessageGoesToTheExistingChatAndReopensIt() {
        long chat = conversationOf(olena, telegramBot);
        inboxService.close(chat);

        assertThat(writeFirst.write(olena, telegramBot.id(), "We have peonies again"))
                .isEqualTo(chat);

        assertThat(inboxService.get(chat).state()).isEqualTo(ConversationState.OPEN);
        assertThat(texts(chat)).endsWith("reopened", "We have peonies again");
        assertThat(queued(chat)).isEqualTo(1);
    }

    @Test
    void aChatTheManagerStartedIsListedAsNewAtTheTopAndHisLaterMessagesDoNotMoveChats() {
        long olenasTelegram = conversationOf(olena, telegramBot);
        long taras = inbox.newChat(telegramBot, "Taras");
        savePhone(olena, "+380671234567");

        long started = writeFirst.write(olena, whatsapp.id(), "Your order is ready");

        assertThat(listed()).as("a new chat: at the top").containsExactly(started, taras, olenasTelegram);
        writeFirst.write(olena, telegramBot.id(), "We have peonies again");
        assertThat(listed()).as("a manager's message moves nothing").containsExactly(started, taras, olenasTelegram);
        String olenasTelegramId = jdbc.sql(
                        "select external_user_id from client_identity where client_id = ? and channel_id = ?")
                .params(olena, telegramBot.id())
                .query(String.class)
                .single();
        inbox.write(
                telegramBot,
                InboxFixtures.client(olenasTelegramId, "Olena", null),
                "Thank you!",
                java.time.Instant.now());
        assertThat(listed()).as("the client's message lifts her chat").containsExactly(olenasTelegram, started, taras);
    }

    @Test
    void offeredChannelsComeFirstAndEveryOtherSaysWhy() {
        List<ChannelChoice> choices = writeFirst.channelsFor(olena);

        assertThat(choices)
                .extracting(c -> c.channel().name(), ChannelChoice::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Telegram bot", Reason.EXISTING_CHAT),
                        org.assertj.core.groups.Tuple.tuple("Viber bot", Reason.BOT_NEEDS_CLIENT_FIRST),
                        org.assertj.core.groups.Tuple.tuple("WhatsApp", Reason.NEEDS_PHONE));
    }

    @Test
    void aChannelThatIsSwitchedOffIsNotOffered() {
        ChannelInfo switchedOff = demoChannel(ChannelType.TELEGRAM, "Old Telegram bot");
        SystemAccess.run(() -> channelAdministration.setEnabled(switchedOff.id(), false));
        assertThat(choice(olena, switchedOff).reason()).isEqualTo(Reason.CANNOT_SEND);
    }

    @Test
    void aManagerWritesOnlyFromHisChannelsToClientsHeMaySee() {
        StaffMember max = staff.manager("max");
        ChannelInfo maxOnly = demoChannel(ChannelType.TELEGRAM, "Max's bot", max);
        long stranger = clientOf(inbox.newChat(maxOnly, "Stranger"));
        staff.signInAs(anna);

        assertThat(writeFirst.channelsFor(olena))
                .extracting(c -> c.channel().id())
                .doesNotContain(maxOnly.id());
        assertThatThrownBy(() -> writeFirst.channelsFor(stranger)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> writeFirst.write(stranger, telegramBot.id(), "Hi"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> writeFirst.write(olena, maxOnly.id(), "Hi")).isInstanceOf(NotFoundException.class);
        assertThat(writeFirst.findClients("", 0, 50)).extracting(c -> c.name()).containsExactly("Olena");
    }

    @Test
    void clientsAreFoundByNamePhoneOrEmail() {
        long taras = clientOf(inbox.newChat(telegramBot, "Taras Melnyk"));
        savePhone(taras, "+380501112233");
        jdbc.sql("update client set email = 'taras@example.com' where id = ?")
                .param(taras)
                .update();

        assertThat(names("melnyk")).containsExactly("Taras Melnyk");
        assertThat(names("50111")).containsExactly("Taras Melnyk");
        assertThat(names("TARAS@EXAMPLE")).containsExactly("Taras Melnyk");
        assertThat(names("")).containsExactly("Olena", "Taras Melnyk");
    }

    @Test
    void aPhoneNumberThatIsAnotherClientsOnTheChannelIsNotUsed() {
        long taras = clientOf(inbox.write(whatsapp, new ClientProfile("380671234567", "Taras", null, null), "hi")
                .conversationId());
        savePhone(olena, "+380671234567");

        assertThatThrownBy(() -> writeFirst.write(olena, whatsapp.id(), "Hello"))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey())
                .isEqualTo("write.error.phone-of-other-client");
        assertThat(jdbc.sql("select count(*) from message where kind = 'MANAGER'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from conversation where client_id = ? and channel_id = ?")
                        .params(olena, whatsapp.id())
                        .query(Integer.class)
                        .single())
                .as("no chat of Olena's on that number")
                .isZero();
        assertThat(clientOf(conversationOf(taras, whatsapp)))
                .as("Taras keeps his chat")
                .isEqualTo(taras);
    }

    @Test
    void aNumberTheProviderDoesNotKnowFailsVisiblyWithTheReason() {
        savePhone(olena, "+380671234567");
        phoneConnector.notOnProvider.add("+380671234567");
        try {
            assertThatThrownBy(() -> writeFirst.write(olena, whatsapp.id(), "Hello"))
                    .isInstanceOf(UserFacingException.class)
                    .satisfies(e -> {
                        assertThat(((UserFacingException) e).messageKey())
                                .isEqualTo("write.error.phone-not-on-channel");
                        assertThat(((UserFacingException) e).args()).containsExactly("+380 67 123 4567", "WhatsApp");
                    });
            assertThat(jdbc.sql("select count(*) from conversation where channel_id = ?")
                            .param(whatsapp.id())
                            .query(Integer.class)
                            .single())
                    .as("no chat started")
                    .isZero();
        } finally {
            phoneConnector.notOnProvider.clear();
        }
    }

    @Test
    void aChannelThatStartsOnlyWithATemplateRefusesFreeText() {
        savePhone(olena, "+380671234567");
        phoneConnector.templateToStart = true;
        try {
            ChannelChoice choice = choice(olena, whatsapp);
            assertThat(choice.reason()).isEqualTo(Reason.BY_PHONE);
            assertThat(choice.templateRequired()).isTrue();
            assertThatThrownBy(() -> writeFirst.write(olena, whatsapp.id(), "Hello"))
                    .isInstanceOf(UserFacingException.class)
                    .extracting(e -> ((UserFacingException) e).messageKey())
                    .isEqualTo("write.error.template-required");
            // A bot the client wrote to needs no template.
            assertThat(choice(olena, telegramBot).templateRequired()).isFalse();
        } finally {
            phoneConnector.templateToStart = false;
        }
    }

    // ---- helpers ----

    private ChannelInfo demoChannel(ChannelType type, String name, StaffMember... managers) {
        Set<Long> users = managers.length == 0
                ? Set.of(anna.id())
                : java.util.Arrays.stream(managers).map(StaffMember::id).collect(Collectors.toSet());
        return SystemAccess.call(() -> channelService.createDemo(type, name, users));
    }

    private ChannelChoice choice(long clientId, ChannelInfo channel) {
        return writeFirst.channelsFor(clientId).stream()
                .filter(c -> c.channel().id() == channel.id())
                .findFirst()
                .orElseThrow();
    }

    private List<String> names(String search) {
        return writeFirst.findClients(search, 0, 50).stream().map(c -> c.name()).toList();
    }

    private long clientOf(long conversationId) {
        return jdbc.sql("select client_id from conversation where id = ?")
                .param(conversationId)
                .query(Long.class)
                .single();
    }

    private long conversationOf(long clientId, ChannelInfo channel) {
        return jdbc.sql("select id from conversation where client_id = ? and channel_id = ?")
                .params(clientId, channel.id())
                .query(Long.class)
                .single();
    }

    private void savePhone(long clientId, String phone) {
        jdbc.sql("update client set phone = ? where id = ?")
                .params(phone, clientId)
                .update();
    }

    /** The chat's lines: text, or the code of a system line. */
    private List<String> texts(long conversationId) {
        return jdbc
                .sql("select coalesce(body, system_code) from message where conversation_id = ? order by id")
                .param(conversationId)
                .query(String.class)
                .list()
                .stream()
                .filter(t -> !t.startsWith("Hello from") && !t.equals("first-reply-responsible"))
                .toList();
    }

    private int queued(long conversationId) {
        return jdbc.sql("select count(*) from outbound_message where conversation_id = ?")
                .param(conversationId)
                .query(Integer.class)
                .single();
    }

    private List<Long> listed() {
        var all = new ChatFilter(ChatFilter.StateTab.ALL, "", false, Set.of(), ChatFilter.Responsible.ALL, null);
        return inboxService.list(all, null, 0, 50).stream()
                .map(ConversationSummary::id)
                .toList();
    }
}
