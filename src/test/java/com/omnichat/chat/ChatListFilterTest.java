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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chat list's filters — state tab, search, unanswered only, channels, responsible —
 * each on its own and combined, and the per-tab counts that follow them.
 */
@IntegrationTest
class ChatListFilterTest {

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
    ChannelInfo instagram;

    /**
     * Six chats:
     * <pre>
     * client              nickname   channel    state   responsible  unanswered
     * Олена Бондар        olena_b    Telegram   open    -            yes
     * Dmytro Sokolov      -          Telegram   open    Anna         no
     * Irina Kovalchuk     irina_k    Telegram   closed  Max          no
     * Emma Wilson         emma.w     Instagram  open    Max          yes (wrote after the reply)
     * 100% Natural Shop   shop100    Instagram  open    -            yes
     * John Carter         jc         Instagram  open    Anna         yes (assigned, not answered)
     * </pre>
     */
    @BeforeEach
    void sixChats() {
        olena = staff.administrator("olena");
        anna = staff.manager("anna");
        max = staff.manager("max");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna, max);
        instagram = fixtures.channel(ChannelType.INSTAGRAM, "Instagram · @flowershop.ua", anna, max);

        fixtures.newChat(telegram, "Олена Бондар", "olena_b");
        long dmytro = fixtures.newChat(telegram, "Dmytro Sokolov");
        long irina = fixtures.newChat(telegram, "Irina Kovalchuk", "irina_k");
        ClientProfile emma = fixtures.newClient("Emma Wilson", "emma.w");
        long emmaChat =
                fixtures.write(instagram, emma, "Do you deliver to Lviv?").conversationId();
        fixtures.newChat(instagram, "100% Natural Shop", "shop100");
        long john = fixtures.newChat(instagram, "John Carter", "jc");

        staff.signInAs(anna);
        inbox.reply(dmytro, "Hello Dmytro!", null, List.of());
        staff.signInAs(max);
        inbox.reply(irina, "Thank you!", null, List.of());
        inbox.close(irina);
        inbox.reply(emmaChat, "Yes, within two days.", null, List.of());
        fixtures.write(instagram, emma, "Great, then I order roses");
        staff.signInAs(olena);
        inbox.assign(john, anna.id());
    }

    @Test
    void stateTabsSplitOpenAndClosedChats() {
        staff.signInAs(anna);

        assertThat(names(ChatFilter.open()))
                .as("newest first; Emma wrote again last")
                .containsExactly("Emma Wilson", "John Carter", "100% Natural Shop", "Dmytro Sokolov", "Олена Бондар");
        assertThat(names(filter(StateTab.CLOSED))).containsExactly("Irina Kovalchuk");
        assertThat(names(filter(StateTab.ALL))).hasSize(6);
    }

    @Test
    void unansweredOnlyShowsChatsWaitingForAReply() {
        staff.signInAs(anna);

        var unanswered = new ChatFilter(StateTab.ALL, "", true, Set.of(), Responsible.ALL, null);

        assertThat(names(unanswered))
                .containsExactlyInAnyOrder("Олена Бондар", "Emma Wilson", "100% Natural Shop", "John Carter");
    }

    @Test
    void theChannelFilterTakesOneOrSeveralChannels() {
        staff.signInAs(anna);

        assertThat(names(channels(telegram.id())))
                .containsExactlyInAnyOrder("Олена Бондар", "Dmytro Sokolov", "Irina Kovalchuk");
        assertThat(names(channels(instagram.id())))
                .containsExactlyInAnyOrder("Emma Wilson", "100% Natural Shop", "John Carter");
        assertThat(names(channels(telegram.id(), instagram.id()))).hasSize(6);
    }

    @Test
    void theResponsibleFilterShowsMineUnassignedOrSomeonesChats() {
        staff.signInAs(anna);

        assertThat(names(responsible(Responsible.MINE, null)))
                .containsExactlyInAnyOrder("Dmytro Sokolov", "John Carter");
        assertThat(names(responsible(Responsible.UNASSIGNED, null)))
                .containsExactlyInAnyOrder("Олена Бондар", "100% Natural Shop");
        assertThat(names(responsible(Responsible.USER, max.id())))
                .containsExactlyInAnyOrder("Irina Kovalchuk", "Emma Wilson");
        assertThat(names(responsible(Responsible.ALL, null))).hasSize(6);

        staff.signInAs(max);
        assertThat(names(responsible(Responsible.MINE, null)))
                .containsExactlyInAnyOrder("Irina Kovalchuk", "Emma Wilson");
    }

    @Test
    void searchFindsPartsOfNamesAndNicknamesIgnoringCase() {
        staff.signInAs(anna);

        assertThat(names(search("sokol"))).containsExactly("Dmytro Sokolov");
        assertThat(names(search("WILSON"))).containsExactly("Emma Wilson");
        assertThat(names(search("emma.w"))).containsExactly("Emma Wilson");
        assertThat(names(search("irina_k"))).containsExactly("Irina Kovalchuk");
        assertThat(names(search("  jc  "))).as("surrounding blanks are ignored").containsExactly("John Carter");
        assertThat(names(search("nobody"))).isEmpty();
    }

    @Test
    void searchWorksForCyrillicNamesInAnyCase() {
        staff.signInAs(anna);

        assertThat(names(search("олена"))).containsExactly("Олена Бондар");
        assertThat(names(search("БОНДАР"))).containsExactly("Олена Бондар");
        assertThat(names(search("ондА"))).containsExactly("Олена Бондар");
    }

    @Test
    void percentAndUnderscoreAreSearchedLiterally() {
        staff.signInAs(anna);

        assertThat(names(search("%")))
                .as("'%' is no wildcard: it does not match everyone")
                .containsExactly("100% Natural Shop");
        assertThat(names(search("0% n"))).containsExactly("100% Natural Shop");
        assertThat(names(search("_"))).containsExactlyInAnyOrder("Олена Бондар", "Irina Kovalchuk");
        assertThat(names(search("o_s")))
                .as("'_' is no wildcard: 'Dmytro Sokolov' does not match")
                .isEmpty();
        assertThat(names(search("\\"))).as("a backslash is just a character").isEmpty();
    }

    @Test
    void filtersCombine() {
        staff.signInAs(anna);

        var unansweredOnInstagramWithoutResponsible =
                new ChatFilter(StateTab.OPEN, "", true, Set.of(instagram.id()), Responsible.UNASSIGNED, null);
        assertThat(names(unansweredOnInstagramWithoutResponsible)).containsExactly("100% Natural Shop");

        var maxsChatsOnTelegramInAllTabs =
                new ChatFilter(StateTab.ALL, "", false, Set.of(telegram.id()), Responsible.USER, max.id());
        assertThat(names(maxsChatsOnTelegramInAllTabs)).containsExactly("Irina Kovalchuk");
        assertThat(names(maxsChatsOnTelegramInAllTabs.withState(StateTab.OPEN))).isEmpty();

        var searchInMine = new ChatFilter(StateTab.OPEN, "o", true, Set.of(), Responsible.MINE, null);
        assertThat(names(searchInMine)).as("Dmytro is answered, so only John").containsExactly("John Carter");
    }

    @Test
    void countsFollowTheFiltersPerTab() {
        staff.signInAs(anna);

        assertThat(inbox.counts(ChatFilter.open())).isEqualTo(new TabCounts(5, 1));
        assertThat(inbox.counts(ChatFilter.open()).all()).isEqualTo(6);
        assertThat(inbox.counts(channels(telegram.id()))).isEqualTo(new TabCounts(2, 1));
        assertThat(inbox.counts(responsible(Responsible.USER, max.id()))).isEqualTo(new TabCounts(1, 1));
        assertThat(inbox.counts(new ChatFilter(StateTab.OPEN, "", true, Set.of(), Responsible.ALL, null)))
                .isEqualTo(new TabCounts(4, 0));
        assertThat(inbox.counts(search("%"))).isEqualTo(new TabCounts(1, 0));
        assertThat(inbox.counts(ChatFilter.open().withState(StateTab.CLOSED)))
                .as("counts cover every tab whichever is selected")
                .isEqualTo(new TabCounts(5, 1));
    }

    private static ChatFilter filter(StateTab state) {
        return ChatFilter.open().withState(state);
    }

    private static ChatFilter search(String text) {
        return new ChatFilter(StateTab.ALL, text, false, Set.of(), Responsible.ALL, null);
    }

    private static ChatFilter channels(Long... ids) {
        return new ChatFilter(StateTab.ALL, "", false, Set.of(ids), Responsible.ALL, null);
    }

    private static ChatFilter responsible(Responsible responsible, Long userId) {
        return new ChatFilter(StateTab.ALL, "", false, Set.of(), responsible, userId);
    }

    private List<String> names(ChatFilter filter) {
        return inbox.list(filter, null, 0, 100).stream()
                .map(ConversationSummary::clientName)
                .toList();
    }
}
