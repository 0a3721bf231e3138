package com.omnichat.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnichat.base.NotFoundException;
import com.omnichat.base.UserFacingException;
import com.omnichat.channel.ChannelInfo;
import com.omnichat.channel.ChannelType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Choose buyer from the list": offered only while the lead's phone or e-mail is empty;
 * linking merges the lead into the buyer, so all his chats show the buyer's card.
 */
class ChooseBuyerTest extends CardTest {

    ChannelInfo instagram;
    ClientSummary olena;
    long olenasChat;

    @BeforeEach
    void olenaIsABuyerFromTelegram() {
        instagram = inbox.channel(ChannelType.INSTAGRAM, "Instagram shop", anna);
        olenasChat = card.chat(telegram, "Olena Bondar", "olena_b");
        olena = card.buyer(olenasChat, "+380671234567", "olena@example.com");
    }

    @Test
    void offeredWhileThePhoneOrTheEmailIsEmpty() {
        assertThat(ClientCardService.mayChooseBuyer(card.lead(card.chat(instagram, "A"), null, null)))
                .isTrue();
        assertThat(ClientCardService.mayChooseBuyer(card.lead(card.chat(instagram, "B"), "+380501112233", null)))
                .isTrue();
        assertThat(ClientCardService.mayChooseBuyer(card.lead(card.chat(instagram, "C"), null, "c@example.com")))
                .isTrue();
        assertThat(ClientCardService.mayChooseBuyer(
                        card.lead(card.chat(instagram, "D"), "+380501112244", "d@example.com")))
                .isFalse();
        assertThat(ClientCardService.mayChooseBuyer(olena)).as("a buyer").isFalse();
    }

    @Test
    void refusedForALeadWithPhoneAndEmailEvenWhenAskedDirectly() {
        long chat = card.chat(instagram, "Olena from Instagram");
        ClientSummary lead = card.lead(chat, "+380501112233", "other@example.com");

        assertThatThrownBy(() -> cards.linkToBuyer(lead.id(), lead.version(), olena.id(), chat))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("client.error.choose-not-offered");
        assertThat(card.clientOf(chat).id()).isEqualTo(lead.id());
    }

    @Test
    void linkingMovesTheLeadsIdentitiesSoHisOtherChatShowsTheSameCard() {
        long instagramChat = card.chat(instagram, "olena.flowers", "olena.flowers");
        ClientSummary lead = card.clientOf(instagramChat);

        ClientSummary linked = cards.linkToBuyer(lead.id(), lead.version(), olena.id(), instagramChat);

        assertThat(linked.id()).isEqualTo(olena.id());
        assertThat(linked.channelIds()).containsExactlyInAnyOrder(telegram.id(), instagram.id());
        assertThat(clients.identities(olena.id()))
                .extracting(i -> i.channel().id())
                .containsExactlyInAnyOrder(telegram.id(), instagram.id());
        assertThat(chats.get(instagramChat).clientId()).isEqualTo(olena.id());
        assertThat(chats.get(instagramChat).clientName()).isEqualTo("Olena Bondar");
        assertThat(chats.chatsOf(olena.id()))
                .extracting(c -> c.id())
                .containsExactlyInAnyOrder(olenasChat, instagramChat);
        assertThat(clients.current(lead.id()).id())
                .as("the lead's old id leads to the buyer")
                .isEqualTo(olena.id());
        assertThatThrownBy(() -> clients.summary(lead.id())).isInstanceOf(NotFoundException.class);
        assertThat(card.systemMessages(instagramChat)).last().isEqualTo("client-linked | Anna Tester | Olena Bondar");
    }

    @Test
    void theNextMessageOfTheLinkedIdentityLandsInTheSameChatOfTheBuyer() {
        var profile = inbox.newClient("olena.flowers", "olena.flowers");
        long instagramChat = inbox.write(instagram, profile, "Hi").conversationId();
        ClientSummary lead = card.clientOf(instagramChat);
        cards.linkToBuyer(lead.id(), lead.version(), olena.id(), instagramChat);

        var next = inbox.write(instagram, profile, "Me again");

        assertThat(next.conversationId()).isEqualTo(instagramChat);
        assertThat(chats.get(instagramChat).clientId()).isEqualTo(olena.id());
        assertThat(chats.get(instagramChat).clientName()).isEqualTo("Olena Bondar");
    }

    @Test
    void theListSearchesBuyersByNamePhoneEmailAndNickname() {
        card.buyer(card.chat(telegram, "Taras Melnyk", "taras_m"), "+380931234567", "taras@shop.test");
        card.chat(telegram, "Olena the Lead");

        assertThat(cards.buyersToChoose("olena", 10))
                .extracting(ClientSummary::name)
                .containsExactly("Olena Bondar");
        assertThat(cards.buyersToChoose("093 123", 10))
                .extracting(ClientSummary::name)
                .containsExactly("Taras Melnyk");
        assertThat(cards.buyersToChoose("TARAS@SHOP", 10))
                .extracting(ClientSummary::name)
                .containsExactly("Taras Melnyk");
        assertThat(cards.buyersToChoose("@olena_b", 10))
                .extracting(ClientSummary::name)
                .containsExactly("Olena Bondar");
        assertThat(cards.buyersToChoose("", 10))
                .extracting(ClientSummary::name)
                .containsExactly("Olena Bondar", "Taras Melnyk");
    }

    @Test
    void onlyABuyerCanBeChosen() {
        long chat = card.chat(instagram, "Someone");
        ClientSummary lead = card.clientOf(chat);
        ClientSummary otherLead = card.clientOf(card.chat(instagram, "Other lead"));

        assertThatThrownBy(() -> cards.linkToBuyer(lead.id(), lead.version(), otherLead.id(), chat))
                .isInstanceOf(NotFoundException.class);
    }
}
