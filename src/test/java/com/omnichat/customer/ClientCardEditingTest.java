package com.omnichat.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.base.UserFacingException;
import com.omnichat.chat.InboxFixtures;
import com.omnichat.user.StaffMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Editing the card: phones normalized to E.164, e-mails validated and lower-cased, the name
 * renamed in the chat list too, every change noted in the chat, and a stale card refused.
 */
class ClientCardEditingTest extends CardTest {

    StaffMember max;
    long chat;
    ClientSummary lead;

    @BeforeEach
    void olenaWritesOnTelegram() {
        max = staff.manager("max");
        inbox.grant(telegram, max);
        chat = card.chat(telegram, "Olena Bondar");
        lead = card.clientOf(chat);
    }

    @ParameterizedTest
    @CsvSource({
        "067 123 45 67, +380671234567",
        "(067) 123-45-67, +380671234567",
        "+380 67 123 4567, +380671234567",
        "380671234567, +380671234567",
        "+44 20 7946 0958, +442079460958",
        "+1 (650) 253-0000, +16502530000"
    })
    void phonesAreStoredInE164WithUkraineAsTheDefaultRegion(String typed, String stored) {
        assertThat(cards.changePhone(lead.id(), lead.version(), typed, chat).phone())
                .isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "067 123", "+999 123 456 789", "call me", "+380 67 123 45 67 89 00"})
    void anInvalidPhoneIsRefusedWithAClearMessage(String typed) {
        assertThatThrownBy(() -> cards.changePhone(lead.id(), lead.version(), typed, chat))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("client.error.phone-invalid"));
        assertThat(card.clientOf(chat).phone()).isNull();
    }

    @Test
    void aBlankPhoneOrEmailClearsIt() {
        ClientSummary filled = card.lead(chat, "0671234567", "olena@example.com");

        ClientSummary cleared = cards.changePhone(filled.id(), filled.version(), "  ", chat);
        cleared = cards.changeEmail(cleared.id(), cleared.version(), "", chat);

        assertThat(cleared.phone()).isNull();
        assertThat(cleared.email()).isNull();
        assertThat(card.systemMessages(chat))
                .endsWith("client-phone-removed | Anna Tester", "client-email-removed | Anna Tester");
    }

    @ParameterizedTest
    @CsvSource({
        "' Olena.Bondar@Gmail.COM ', olena.bondar@gmail.com",
        "o+shop@mail.example.ua, o+shop@mail.example.ua",
        "олена@приклад.укр, олена@приклад.укр"
    })
    void emailsAreStoredLowerCased(String typed, String stored) {
        assertThat(cards.changeEmail(lead.id(), lead.version(), typed, chat).email())
                .isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "olena",
                "olena@",
                "@example.com",
                "olena@example",
                "olena bondar@example.com",
                "olena@@example.com",
                "olena@example..com",
                ".olena@example.com",
                "olena.@example.com"
            })
    void anInvalidEmailIsRefusedWithAClearMessage(String typed) {
        assertThatThrownBy(() -> cards.changeEmail(lead.id(), lead.version(), typed, chat))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("client.error.email-invalid"));
    }

    @Test
    void renamingRenamesTheChatInTheListAndNotesItInTheChat() {
        ClientSummary renamed = cards.rename(lead.id(), lead.version(), "  Olena   Bondar-Shevchuk ", chat);

        assertThat(renamed.name()).isEqualTo("Olena Bondar-Shevchuk");
        assertThat(chats.get(chat).clientName()).isEqualTo("Olena Bondar-Shevchuk");
        assertThat(card.systemMessages(chat)).last().isEqualTo("client-renamed | Anna Tester | Olena Bondar-Shevchuk");
    }

    @Test
    void anEmptyOrTooLongNameIsRefused() {
        assertThatThrownBy(() -> cards.rename(lead.id(), lead.version(), "   ", chat))
                .hasMessageContaining("client.error.name-required");
        assertThatThrownBy(() -> cards.rename(lead.id(), lead.version(), "x".repeat(201), chat))
                .hasMessageContaining("client.error.name-too-long");
    }

    @Test
    void phoneEmailAndNoteChangesAreNotedInTheChatTheManagerActedFrom() {
        ClientSummary c = cards.changePhone(lead.id(), lead.version(), "0671234567", chat);
        c = cards.changeEmail(c.id(), c.version(), "olena@example.com", chat);
        cards.changeNote(c.id(), c.version(), "Prefers peonies", chat);

        assertThat(card.systemMessages(chat))
                .containsExactly(
                        "client-phone | Anna Tester | +380 67 123 4567",
                        "client-email | Anna Tester | olena@example.com",
                        "client-note | Anna Tester");
    }

    @Test
    void aChangeFromOutsideTheChatsPageOrNamingAnotherClientsChatWritesNoSystemMessage() {
        long otherChat = card.chat(telegram, "Somebody Else");

        ClientSummary c = cards.changePhone(lead.id(), lead.version(), "0671234567", null);
        cards.changeNote(c.id(), c.version(), "Note", otherChat);

        assertThat(card.systemMessages(chat)).isEmpty();
        assertThat(card.systemMessages(otherChat)).isEmpty();
    }

    @Test
    void aStaleCardIsRefusedInsteadOfOverwritingAColleaguesChange() {
        ClientSummary seenByBoth = card.clientOf(chat);
        staff.signInAs(max);
        cards.changePhone(seenByBoth.id(), seenByBoth.version(), "0671234567", chat);
        staff.signInAs(anna);

        assertThatThrownBy(() -> cards.changePhone(seenByBoth.id(), seenByBoth.version(), "0501112233", chat))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("client.error.changed"));
        assertThatThrownBy(() -> cards.saveAsBuyer(seenByBoth.id(), seenByBoth.version(), chat))
                .hasMessageContaining("client.error.changed");
        ClientSummary now = card.clientOf(chat);
        assertThat(now.phone()).isEqualTo("+380671234567");
        assertThat(now.buyer()).isFalse();

        assertThat(cards.changeEmail(now.id(), now.version(), "olena@example.com", chat)
                        .email())
                .as("with the fresh version it goes through")
                .isEqualTo("olena@example.com");
    }

    @Test
    void concurrentEditsOfOneVersionLetExactlyOneThrough() throws Exception {
        ClientSummary seen = card.clientOf(chat);
        var annaPrincipal = staff.principalOf(anna);
        var maxPrincipal = staff.principalOf(max);

        var outcomes = InboxFixtures.concurrently(
                () -> attempt(() -> com.omnichat.base.SystemAccess.callAs(
                        annaPrincipal, () -> cards.changePhone(seen.id(), seen.version(), "0671234567", chat))),
                () -> attempt(() -> com.omnichat.base.SystemAccess.callAs(
                        maxPrincipal, () -> cards.changeEmail(seen.id(), seen.version(), "olena@example.com", chat))));

        assertThat(outcomes).containsExactlyInAnyOrder("ok", "client.error.changed");
    }

    @Test
    void aBuyerCannotTakeAnotherBuyersPhoneOrEmail() {
        card.buyer(card.chat(telegram, "Taras Melnyk"), "+380931234567", "taras@example.com");
        ClientSummary olena = card.buyer(chat, null, null);

        assertThatThrownBy(() -> cards.changePhone(olena.id(), olena.version(), "093 123 45 67", chat))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("client.error.phone-taken"));
        assertThatThrownBy(() -> cards.changeEmail(olena.id(), olena.version(), "Taras@Example.com", chat))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("client.error.email-taken"));
    }

    @Test
    void anUnchangedValueChangesNothing() {
        ClientSummary c = cards.changePhone(lead.id(), lead.version(), "0671234567", chat);

        ClientSummary again = cards.changePhone(c.id(), c.version(), "+380 67 123 45 67", chat);

        assertThat(again.version()).isEqualTo(c.version());
        assertThat(card.systemMessages(chat)).hasSize(1);
    }

    private static String attempt(java.util.function.Supplier<ClientSummary> change) {
        try {
            change.get();
            return "ok";
        } catch (UserFacingException e) {
            return e.messageKey();
        }
    }
}
