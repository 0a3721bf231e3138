package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnichat.IntegrationTest;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import com.omnichat.channel.ClientProfile;
import com.omnichat.chat.ChatFilter.Responsible;
import com.omnichat.chat.ChatFilter.StateTab;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chat list's search also finds chats by what was written in them: client and manager
 * messages and notes, in Ukrainian, Russian and English (inflected forms too), only in chats
 * the list itself would show the user, newest message first, with the matched words marked in
 * a snippet that stays plain text whatever the client wrote.
 */
@IntegrationTest
class MessageSearchTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    InboxService inbox;

    StaffMember olena;
    StaffMember anna;
    StaffMember max;
    ChannelInfo telegram;
    ChannelInfo viber;

    /** Anna works Telegram, Max works Telegram and Viber, Olena administers. */
    @BeforeEach
    void twoChannels() {
        olena = staff.administrator("olena");
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna, max);
        viber = fixtures.channel(ChannelType.VIBER, "Viber · Flower shop", max);
    }

    @Test
    void ukrainianRussianAndEnglishWordsAreFoundInTheirInflectedForms() {
        long taras = chat(telegram, "Taras Melnyk", "Коли буде доставка замовлення до Львова?");
        long irina = chat(telegram, "Irina Kovalchuk", "Оплата прошла, проверьте пожалуйста");
        long emma = chat(telegram, "Emma Wilson", "Could you send me the tracking numbers?");
        staff.signInAs(anna);

        assertThat(chatsFound("доставка")).containsExactly(taras);
        assertThat(chatsFound("доставку")).as("Ukrainian accusative").containsExactly(taras);
        assertThat(chatsFound("доставкою")).as("Ukrainian instrumental").containsExactly(taras);
        assertThat(chatsFound("замовленням")).containsExactly(taras);
        assertThat(chatsFound("оплату")).as("Russian accusative").containsExactly(irina);
        assertThat(chatsFound("ОПЛАТЫ")).as("any case").containsExactly(irina);
        assertThat(chatsFound("tracking number")).as("every word, any form").containsExactly(emma);
        assertThat(chatsFound("track")).containsExactly(emma);
        assertThat(chatsFound("достав"))
                .as("a word being typed matches as a prefix")
                .containsExactly(taras);
        assertThat(chatsFound("tracking доставка"))
                .as("all words must occur in one message")
                .isEmpty();
        assertThat(chatsFound("roses")).isEmpty();
    }

    @Test
    void clientAndManagerMessagesAndNotesAreSearchedButNotSystemMessages() {
        long taras = chat(telegram, "Taras Melnyk", "Hello");
        staff.signInAs(anna);
        inbox.reply(taras, "Your parcel left today, tracking number 20450123456789", null, List.of());
        inbox.addNote(taras, "Prepayment received on the card");
        inbox.close(taras);

        var all = new ChatFilter(StateTab.ALL, "", false, Set.of(), Responsible.ALL, null);
        assertThat(found(all.withSearch("parcel")))
                .extracting(m -> m.match().kind())
                .containsExactly(MessageKind.MANAGER);
        assertThat(found(all.withSearch("20450123456789")))
                .as("a number as it is")
                .hasSize(1);
        assertThat(found(all.withSearch("prepayment")))
                .extracting(m -> m.match().kind())
                .as("notes are for every staff member who may see the chat, like the chat itself")
                .containsExactly(MessageKind.NOTE);
        assertThat(found(all.withSearch("closed")))
                .as("the system message 'closed the chat' is no text")
                .isEmpty();
    }

    @Test
    void aManagerNeverFindsAChatOfAChannelHeMayNotSee() {
        long onViber = chat(viber, "Dmytro Sokolov", "Where is my delivery?");
        long onTelegram = chat(telegram, "Taras Melnyk", "Delivery on Friday please");

        staff.signInAs(anna);
        assertThat(chatsFound("delivery")).as("Anna has no Viber").containsExactly(onTelegram);
        var viberOnly = new ChatFilter(StateTab.OPEN, "delivery", false, Set.of(viber.id()), Responsible.ALL, null);
        assertThat(found(viberOnly)).as("not even by asking for the channel").isEmpty();

        staff.signInAs(max);
        assertThat(chatsFound("delivery")).containsExactly(onTelegram, onViber);
        staff.signInAs(olena);
        assertThat(chatsFound("delivery"))
                .as("administrators see every channel")
                .containsExactly(onTelegram, onViber);
    }

    @Test
    void theListsFiltersApplyToo_aManagerLookingInHisOwnChatsFindsNoOneElses() {
        long annas = chat(telegram, "Taras Melnyk", "The payment is done");
        long maxs = chat(telegram, "Irina Kovalchuk", "Payment by card?");
        long closed = chat(telegram, "Emma Wilson", "Payment failed");
        staff.signInAs(anna);
        inbox.reply(annas, "Thank you", null, List.of());
        staff.signInAs(max);
        inbox.reply(maxs, "Yes", null, List.of());
        inbox.reply(closed, "Try again", null, List.of());
        inbox.close(closed);

        var mine = new ChatFilter(StateTab.OPEN, "payment", false, Set.of(), Responsible.MINE, null);
        assertThat(chatsFoundWith(mine)).as("Max's open chats").containsExactly(maxs);
        assertThat(chatsFoundWith(mine.withState(StateTab.ALL))).containsExactly(closed, maxs);
        staff.signInAs(anna);
        assertThat(chatsFoundWith(mine)).as("Anna's").containsExactly(annas);
        var someoneElses = new ChatFilter(StateTab.ALL, "payment", false, Set.of(), Responsible.USER, max.id());
        assertThat(chatsFoundWith(someoneElses)).containsExactly(closed, maxs);
        assertThat(chatsFound("payment")).as("the open tab").containsExactly(maxs, annas);
    }

    @Test
    void theSnippetMarksTheWordsAndKeepsHostileTextAsText() {
        String hostile = "<img src=x onerror=alert(1)> my доставка? <script>alert('x')</script>";
        chat(telegram, "Taras Melnyk", hostile);
        chat(telegram, "Eve", "forged <mark>marks</mark> around a доставка");
        staff.signInAs(anna);

        List<ConversationSummary> rows = found(ChatFilter.open().withSearch("доставки"));

        assertThat(rows).hasSize(2);
        MessageMatch forged = rows.get(0).match();
        assertThat(forged.highlighted())
                .as("only what the search matched is marked")
                .containsExactly("доставка");
        assertThat(forged.text()).isEqualTo("forged <mark>marks</mark> around a доставка");
        MessageMatch match = rows.get(1).match();
        assertThat(match.highlighted()).containsExactly("доставка");
        assertThat(match.text())
                .as("the markup comes back as the characters the client typed")
                .contains("<img src=x onerror=alert(1)>")
                .contains("<script>alert('x')</script>");
        assertThat(match.snippet().get(0)).isEqualTo("<img src=x onerror=alert(1)> my ");
        assertThat(match.snippet().get(2)).isEqualTo("? <script>alert('x')</script>");
    }

    @Test
    void resultsPageByKeysetNewestMessageFirst() {
        ClientProfile taras = fixtures.newClient("Taras Melnyk", null);
        List<Long> written = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            fixtures.write(telegram, taras, "Order " + i + ": when is the delivery?");
            fixtures.write(telegram, taras, "thanks");
        }
        chat(telegram, "Irina Kovalchuk", "No delivery today?");
        staff.signInAs(anna);
        var filter = ChatFilter.open().withSearch("delivery");

        List<ConversationSummary> first = inbox.searchMessages(filter, null, 0, 3);
        List<ConversationSummary> second =
                inbox.searchMessages(filter, first.getLast().match().messageId(), 0, 3);
        List<ConversationSummary> third =
                inbox.searchMessages(filter, second.getLast().match().messageId(), 0, 3);
        List<ConversationSummary> skipped = inbox.searchMessages(filter, null, 3, 3);

        assertThat(first)
                .extracting(ConversationSummary::clientName)
                .containsExactly("Irina Kovalchuk", "Taras Melnyk", "Taras Melnyk");
        assertThat(first.get(1).match().text()).isEqualTo("Order 7: when is the delivery?");
        assertThat(second).hasSize(3);
        assertThat(third).hasSize(2);
        Set<Long> ids = new HashSet<>();
        for (var row : concat(first, second, third)) {
            written.add(row.match().messageId());
            ids.add(row.match().messageId());
        }
        assertThat(ids).as("every match once").hasSize(8);
        assertThat(written).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(skipped).isEqualTo(second);
    }

    @Test
    void aLongMessagesSnippetIsTheWindowAroundTheMatch() {
        chat(
                telegram,
                "Taras Melnyk",
                "Good afternoon! ".repeat(10) + "My tracking number is 59000123 and "
                        + "I would like to know when it arrives. ".repeat(10));
        staff.signInAs(anna);

        MessageMatch match =
                found(ChatFilter.open().withSearch("tracking")).getFirst().match();

        assertThat(match.snippet().getFirst()).startsWith("…").endsWith("Good afternoon! My ");
        assertThat(match.snippet().getFirst().length()).isLessThanOrEqualTo(Snippets.BEFORE + 1);
        assertThat(match.highlighted()).containsExactly("tracking");
        assertThat(match.snippet().getLast()).startsWith(" number is 59000123").endsWith("…");
    }

    @Test
    void aChatFoundByItsNameIsNotRepeatedAmongTheMessages() {
        long emma = chat(telegram, "Emma Wilson", "Hello, Emma here");
        long taras = chat(telegram, "Taras Melnyk", "Emma told me about your shop");
        staff.signInAs(anna);

        assertThat(inbox.list(ChatFilter.open().withSearch("emma"), null, 0, 50))
                .extracting(ConversationSummary::id)
                .containsExactly(emma);
        assertThat(chatsFound("emma")).containsExactly(taras);
    }

    @Test
    void tooShortTextsSearchNamesOnly() {
        chat(telegram, "Taras Melnyk", "ok");
        staff.signInAs(anna);

        assertThat(found(ChatFilter.open().withSearch("ok"))).isEmpty();
    }

    private long chat(ChannelInfo channel, String client, String text) {
        return fixtures.write(channel, fixtures.newClient(client, null), text).conversationId();
    }

    private List<Long> chatsFound(String text) {
        return chatsFoundWith(ChatFilter.open().withSearch(text));
    }

    private List<Long> chatsFoundWith(ChatFilter filter) {
        return found(filter).stream().map(ConversationSummary::id).toList();
    }

    private List<ConversationSummary> found(ChatFilter filter) {
        return inbox.searchMessages(filter, null, 0, 50);
    }

    @SafeVarargs
    private static List<ConversationSummary> concat(List<ConversationSummary>... pages) {
        return java.util.Arrays.stream(pages).flatMap(List::stream).toList();
    }
}
