package com.omnichat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.IntegrationTest;
import com.omnichat.base.Role;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.user.StaffFixtures;
import com.omnichat.user.StaffMember;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The responsible manager: the first one who replies, or whoever is assigned; every change,
 * like closing and reopening, leaves a system message in the chat (the audit trail).
 */
@IntegrationTest
class ResponsibleManagerTest {

    @Autowired
    StaffFixtures staff;

    @Autowired
    InboxFixtures fixtures;

    @Autowired
    InboxService inbox;

    StaffMember olena;
    StaffMember anna;
    StaffMember max;
    StaffMember taras;
    ChannelInfo telegram;
    long chat;

    @BeforeEach
    void aNewChatOnTelegram() {
        olena = staff.administrator("olena");
        anna = staff.manager("anna");
        max = staff.manager("max");
        taras = staff.manager("taras");
        telegram = fixtures.channel("Telegram · @flowershop_bot", anna, max);
        chat = fixtures.newChat(telegram, "Dmytro Sokolov");
    }

    @Test
    void theFirstManagerWhoRepliesBecomesResponsible() {
        staff.signInAs(anna);
        assertThat(inbox.get(chat).responsible()).isNull();

        inbox.reply(chat, "Hello Dmytro!", null, List.of());

        assertThat(inbox.get(chat).responsible()).extracting(StaffMember::id).isEqualTo(anna.id());
        assertThat(systemMessages()).singleElement().satisfies(m -> {
            assertThat(m.systemCode()).isEqualTo("first-reply-responsible");
            assertThat(m.systemArgs()).containsExactly(anna.fullName());
        });
    }

    @Test
    void anotherManagersReplyDoesNotChangeTheResponsible() {
        staff.signInAs(anna);
        inbox.reply(chat, "Hello Dmytro!", null, List.of());

        staff.signInAs(max);
        inbox.reply(chat, "Max here, I can help too.", null, List.of());

        assertThat(inbox.get(chat).responsible()).extracting(StaffMember::id).isEqualTo(anna.id());
        assertThat(systemMessages()).extracting(MessageView::systemCode).containsExactly("first-reply-responsible");
    }

    @Test
    void assigningReassigningAndUnassigningAreRecorded() {
        staff.signInAs(olena);

        inbox.assign(chat, anna.id());
        assertThat(inbox.get(chat).responsible()).extracting(StaffMember::id).isEqualTo(anna.id());

        inbox.assign(chat, max.id());
        assertThat(inbox.get(chat).responsible()).extracting(StaffMember::id).isEqualTo(max.id());

        inbox.assign(chat, null);
        assertThat(inbox.get(chat).responsible()).isNull();

        assertThat(systemMessages())
                .extracting(MessageView::systemCode, MessageView::systemArgs)
                .containsExactly(
                        Tuple.tuple("assigned", List.of(olena.fullName(), anna.fullName())),
                        Tuple.tuple("reassigned", List.of(olena.fullName(), anna.fullName(), max.fullName())),
                        Tuple.tuple("unassigned", List.of(olena.fullName(), max.fullName())));
    }

    @Test
    void aManagerCanTakeTheChatHimself() {
        staff.signInAs(max);

        inbox.assign(chat, max.id());

        assertThat(inbox.get(chat).responsible()).extracting(StaffMember::id).isEqualTo(max.id());
        assertThat(systemMessages())
                .extracting(MessageView::systemCode, MessageView::systemArgs)
                .containsExactly(Tuple.tuple("took", List.of(max.fullName())));
    }

    @Test
    void assigningTheCurrentResponsibleAgainChangesNothing() {
        staff.signInAs(olena);
        inbox.assign(chat, anna.id());

        inbox.assign(chat, anna.id());

        assertThat(systemMessages()).hasSize(1);
    }

    @Test
    void aManagerWithoutAccessToTheChannelCannotBeAssigned() {
        staff.signInAs(olena);

        assertThatThrownBy(() -> inbox.assign(chat, taras.id()))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chat.error.assignee-no-access"));

        assertThat(inbox.get(chat).responsible()).isNull();
        assertThat(systemMessages()).isEmpty();
    }

    @Test
    void anAdministratorCanBeAssignedWithoutAGrant() {
        staff.signInAs(anna);

        inbox.assign(chat, olena.id());

        assertThat(inbox.get(chat).responsible()).extracting(StaffMember::id).isEqualTo(olena.id());
    }

    @Test
    void anInactiveUserCannotBeAssigned() {
        StaffMember gone = staff.create("gone", Role.MANAGER, false, null);
        staff.signInAs(olena);

        assertThatThrownBy(() -> inbox.assign(chat, gone.id()))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chat.error.assignee-inactive"));
    }

    @Test
    void aManagerAddedOnAnotherNodeCanBeAssignedAndIsShownAtOnce() {
        staff.signInAs(olena);
        inbox.list(ChatFilter.open(), null, 0, 10); // this node has read its staff directory
        StaffMember newcomer = staff.manager("newcomer"); // straight into the database, as another node would
        fixtures.grant(telegram, newcomer);

        inbox.assign(chat, newcomer.id());

        assertThat(inbox.get(chat).responsible()).extracting(StaffMember::id).isEqualTo(newcomer.id());
        assertThat(systemMessages())
                .singleElement()
                .extracting(MessageView::systemArgs)
                .isEqualTo(List.of(olena.fullName(), newcomer.fullName()));
    }

    @Test
    void aManagerDeactivatedOnAnotherNodeCannotBeAssigned() {
        staff.signInAs(olena);
        inbox.list(ChatFilter.open(), null, 0, 10); // this node has read its staff directory, max active
        staff.deactivateInDatabase(max);

        assertThatThrownBy(() -> inbox.assign(chat, max.id()))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("chat.error.assignee-inactive"));
    }

    @Test
    void closingAndReopeningAreRecorded() {
        staff.signInAs(anna);

        inbox.close(chat);
        assertThat(inbox.get(chat).state()).isEqualTo(ConversationState.CLOSED);
        inbox.close(chat);

        inbox.reopen(chat);
        assertThat(inbox.get(chat).state()).isEqualTo(ConversationState.OPEN);

        assertThat(systemMessages())
                .extracting(MessageView::systemCode, MessageView::systemArgs)
                .containsExactly(
                        Tuple.tuple("closed", List.of(anna.fullName())),
                        Tuple.tuple("reopened", List.of(anna.fullName())));
    }

    private List<MessageView> systemMessages() {
        return inbox.history(chat, null, 200).stream()
                .filter(m -> m.kind() == MessageKind.SYSTEM)
                .toList();
    }
}
